/**
 * assessPool — the street admin assesses an application against the street's checklist and admits the
 * organization (every item passed) or rejects it with a reason. One conditional update (status `applied`, the
 * revision read), so two admins assessing at once decide once. The organization's staff are told.
 * Input: { entryId, checklist: [{ key, passed, note }], admit, reason }. Result: PoolEntryView.
 * Errors: INVALID_INPUT (an item unanswered; admitting with an item failed; no reason), UNAUTHENTICATED,
 * FORBIDDEN (not an admin of the street), NOT_FOUND, CONFLICT (not waiting for assessment; changed meanwhile).
 * Round trips: 3 (caller with entry, street, checklist and staff; the update; the message kept in the message
 * centre, common/notify).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { USERS, type UserDoc } from '../../common/directory/users';
import { conflict, invalid, notFound } from '../../common/errors';
import { firstOf, readWithCaller } from '../../common/joins';
import { poolInputs, type PoolEntryView } from '../contract';
import { POOL, SETTINGS, type PoolEntryDoc, type ProjectSettingsDoc } from '../documents';
import { assessedChecklist, DEFAULT_CHECKLIST } from '../domain/pool';
import { poolEntryView } from '../domain/views';
import { notifyPoolDecision } from '../notices';

export default action({
  input: poolInputs.assessPool,
  async run(input, ctx): Promise<PoolEntryView> {
    const read = await readWithCaller(ctx, [
      { as: 'entry', from: POOL, match: { _id: input.entryId }, limit: 1 },
      { set: { entryStreet: firstOf('entry.streetId'), entryOrg: firstOf('entry.orgId') } },
      { as: 'street', from: PLACES, localField: 'entryStreet', foreignField: '_id' },
      { as: 'settings', from: SETTINGS, localField: 'entryStreet', foreignField: '_id' },
      { as: 'staff', from: USERS, localField: 'entryOrg', foreignField: 'roles.orgId' },
    ]);
    const entry = read.one<PoolEntryDoc>('entry');
    const street = read.one<PlaceDoc>('street');
    if (!entry || !street) throw notFound('入库申请');
    const me = read.caller;
    requireAdminOver(me, entry.scopePath);
    if (entry.status !== 'applied') throw conflict('这份申请已经评估过了');
    const items = read.one<ProjectSettingsDoc>('settings')?.checklist ?? DEFAULT_CHECKLIST;
    const { checklist, missing, allPassed } = assessedChecklist(items, input.checklist);
    if (missing.length)
      throw invalid(`还有检查项没有评估：${missing.join('、')}`, [{ path: 'checklist', message: 'missing' }]);
    if (input.admit && !allPassed)
      throw invalid('有检查项未通过，不能入库', [{ path: 'admit', message: 'failed items' }]);
    const status = input.admit ? 'admitted' : 'rejected';
    const history = [
      ...entry.history,
      {
        kind: status,
        by: { id: me._id, name: me.realName ?? me.nickname },
        at: ctx.now,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    ];
    const res = await db
      .collection(POOL)
      .where({ _id: entry._id, status: 'applied', rev: entry.rev })
      .update({
        data: {
          status,
          checklist: db.command.set(checklist),
          history: db.command.set(history),
          rev: entry.rev + 1,
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) !== 1) throw conflict('这份申请刚刚有变化，请刷新后再看');
    const staff = read
      .all<UserDoc>('staff')
      .filter((u) => u.roles.some((r) => r.role === 'provider' && r.orgId === entry.orgId));
    await notifyPoolDecision(
      staff.map((u) => u.openid),
      { orgName: entry.orgName, streetName: street.name },
      input.admit,
      input.reason,
    );
    return poolEntryView({ ...entry, status, checklist, history, rev: entry.rev + 1 }, street.name);
  },
});
