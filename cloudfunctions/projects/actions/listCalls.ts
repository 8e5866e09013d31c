/**
 * listCalls — calls, newest first, 20 at a time. `view: 'open'`: calls taking bids now, anywhere, each saying
 * whether the caller's organization may bid (admitted to that street's pool). `view: 'admin'`: every call of the
 * streets the caller administers (or of `streetId`).
 * Input: { view, streetId?, offset, limit }. Result: Page<CallListItem>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (admin view for someone who administers none of it).
 * Round trips: 2 (caller with the organizations' pool entries, the page).
 */
import { action } from '../../common/action';
import { adminGrants, providerOrgIds } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { forbidden } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { listPage } from '../../common/paging';
import { callInputs, type CallListItem, type Page } from '../contract';
import { CALLS, POOL, type CallDoc, type PoolEntryDoc } from '../documents';
import { callListItem } from '../domain/views';

export default action({
  input: callInputs.listCalls,
  async run(input, ctx): Promise<Page<CallListItem>> {
    const read = await readWithCaller(ctx, [
      { set: { myOrgIds: '$roles.orgId' } },
      { as: 'entries', from: POOL, localField: 'myOrgIds', foreignField: 'orgId' },
    ]);
    const me = read.caller;
    const orgIds = providerOrgIds(me);
    const admittedStreets = new Set(
      read
        .all<PoolEntryDoc>('entries')
        .filter((e) => e.status === 'admitted' && orgIds.includes(e.orgId))
        .map((e) => e.streetId),
    );
    let where: object;
    if (input.view === 'admin') {
      const scopes = adminGrants(me).map((g) => g.scopeId!);
      if (scopes.length === 0) throw forbidden('只有管理员可以查看');
      where = input.streetId
        ? _.and([{ streetId: input.streetId }, { scopePath: _.in(scopes) }])
        : { scopePath: _.in(scopes) };
    } else {
      where = {
        status: 'open',
        bidDeadline: _.gt(ctx.now),
        ...(input.streetId ? { streetId: input.streetId } : {}),
      };
    }
    return listPage<CallDoc, CallListItem>(
      db.collection(CALLS).where(where).orderBy('createdAt', 'desc'),
      input,
      (c) => callListItem(c, ctx.now, admittedStreets.has(c.streetId)),
      { fields: { history: false, prequalification: false, conflicts: false } },
    );
  },
});
