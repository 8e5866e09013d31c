/**
 * saveDepartment — a street admin adds a department (城管, 住建…) or renames it and appoints its staff. Being
 * department staff is being listed here by the street admin — not a global role — so a department's queue is
 * open to exactly these people. A new department's id comes from the street and name (a retried tap lands on it).
 * Input: { departmentId?, streetId, name, staffIds }. Result: { id }.
 * Errors: INVALID_INPUT (someone unknown or of another street), UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.
 * Round trips: 2 (caller with the street, the department and the staff; the write).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { isDuplicateKey } from '../../common/db';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { USERS, type UserDoc } from '../../common/directory/users';
import { invalid, notFound } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { readWithCaller } from '../../common/joins';
import { reportsInputs } from '../contract';
import { nameOf } from '../domain/people';
import { DEPARTMENTS, type DepartmentDoc, type StaffMember } from '../documents';

export default action({
  input: reportsInputs.saveDepartment,
  async run(input, ctx): Promise<{ id: string }> {
    const id = input.departmentId ?? idempotentId(input.streetId, 'department', input.name);
    const read = await readWithCaller(ctx, [
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
      { as: 'department', from: DEPARTMENTS, match: { _id: id }, limit: 1 },
      { as: 'people', from: USERS, match: { _id: _.in(input.staffIds) }, limit: input.staffIds.length || 1 },
    ]);
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    requireAdminOver(read.caller, street.path);
    const existing = read.one<DepartmentDoc>('department');
    if (input.departmentId && (!existing || existing.streetId !== street._id)) throw notFound('部门');
    const people = new Map(read.all<UserDoc>('people').map((u) => [u._id, u]));
    const staff: StaffMember[] = input.staffIds.map((uid, i) => {
      const u = people.get(uid);
      if (!u || u.placePath[1] !== street._id)
        throw invalid('只能任命本街道的人员', [{ path: `staffIds.${i}`, message: 'not in street' }]);
      return { userId: u._id, openid: u.openid, name: nameOf(u) };
    });
    const staffIds = staff.map((s) => s.userId);
    if (existing) {
      await db
        .collection(DEPARTMENTS)
        .doc(id)
        .update({
          data: { name: input.name, staff: _.set(staff), staffIds: _.set(staffIds), updatedAt: ctx.now },
        });
      return { id };
    }
    const doc: DepartmentDoc = {
      _id: id,
      streetId: street._id,
      placePath: street.path,
      name: input.name,
      staff,
      staffIds,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    try {
      await db.collection(DEPARTMENTS).add({ data: doc });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return { id };
  },
});
