/**
 * saveMatter — a street admin adds a matter to the street's list (事项清单) or edits one: its department, the hours
 * to respond and to resolve, whether a patrol confirms first. An edit names the version it was made on; the
 * previous version is kept in the matter's history (reports keep the version they were made under), and an edit
 * made on an old version is refused rather than overwriting someone else's.
 * Input: { matterId?, version?, streetId, name, category, departmentId, respondHours, resolveHours, patrolFirst }.
 * Result: MatterView.
 * Errors: INVALID_INPUT (resolve sooner than respond), UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (street, department,
 * matter), CONFLICT (edited meanwhile).
 * Round trips: 2 (caller with the street, department and matter; the write).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { isDuplicateKey, updatedCount } from '../../common/db';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { conflict, invalid, notFound } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { readWithCaller } from '../../common/joins';
import { reportsInputs, type MatterView } from '../contract';
import { nameOf } from '../domain/people';
import { matterView } from '../domain/setup';
import { DEPARTMENTS, MATTERS, type DepartmentDoc, type MatterDoc, type MatterFields } from '../documents';

export default action({
  input: reportsInputs.saveMatter,
  async run(input, ctx): Promise<MatterView> {
    if (input.resolveHours < input.respondHours)
      throw invalid('办结时限不能短于响应时限', [{ path: 'resolveHours', message: 'shorter than respond' }]);
    const id = input.matterId ?? idempotentId(input.streetId, 'matter', input.name);
    const read = await readWithCaller(ctx, [
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
      { as: 'department', from: DEPARTMENTS, match: { _id: input.departmentId }, limit: 1 },
      { as: 'matter', from: MATTERS, match: { _id: id }, limit: 1 },
    ]);
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    requireAdminOver(read.caller, street.path);
    const department = read.one<DepartmentDoc>('department');
    if (!department || department.streetId !== street._id) throw notFound('部门');
    const fields: MatterFields = {
      name: input.name,
      category: input.category,
      departmentId: department._id,
      departmentName: department.name,
      respondHours: input.respondHours,
      resolveHours: input.resolveHours,
      patrolFirst: input.patrolFirst,
    };
    const existing = read.one<MatterDoc>('matter');
    if (input.matterId) {
      if (!existing || existing.streetId !== street._id) throw notFound('事项');
      if (input.version !== undefined && input.version !== existing.version)
        throw conflict('这个事项刚被别人改过，请刷新后再改');
      const { _id, streetId, placePath, version, history, createdAt, updatedAt, ...previous } = existing;
      void [_id, streetId, placePath, history, createdAt, updatedAt];
      const replaced = { ...previous, version, replacedAt: ctx.now, by: nameOf(read.caller) };
      const res = await db
        .collection(MATTERS)
        .where({ _id: existing._id, version: existing.version })
        .update({
          data: {
            ...fields,
            version: _.inc(1),
            history: _.push([replaced]),
            updatedAt: ctx.now,
          },
        });
      if (updatedCount(res) !== 1) throw conflict('这个事项刚被别人改过，请刷新后再改');
      return matterView({
        ...existing,
        ...fields,
        version: existing.version + 1,
        history: [...existing.history, replaced],
      });
    }
    if (existing) return matterView(existing);
    const doc: MatterDoc = {
      _id: id,
      streetId: street._id,
      placePath: street.path,
      ...fields,
      version: 1,
      history: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    try {
      await db.collection(MATTERS).add({ data: doc });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return matterView(doc);
  },
});
