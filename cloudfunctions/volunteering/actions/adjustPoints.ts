/**
 * adjustPoints — an admin over the person's place adds or takes 爱心积分 with a reason, which the person sees on
 * their ledger (the only way points come about other than verified hours). Taking more than the balance takes
 * what is there and records the shortfall. Idempotent on the client's key: a replay answers with the entry made.
 * Input: { targetUserId, delta, reason, idempotencyKey }. Result: AdjustPointsResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such person), FORBIDDEN (not an admin over them),
 * CONTENT_REJECTED. Round trips: 2 (the caller with the person and their last entry; the insert); 2 more per race.
 */
import { requireAdminOver } from '../../common/auth';
import { action } from '../../common/action';
import { checkText } from '../../common/contentCheck';
import { USERS, type UserDoc } from '../../common/directory/users';
import { notFound } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { readWithCaller } from '../../common/joins';
import type { PointEntryDoc } from '../../common/points/documents';
import { appendEntry, headOf, lastEntryOf } from '../../common/points/store';
import { volunteeringInputs, type AdjustPointsResult } from '../contract';

export default action({
  input: volunteeringInputs.adjustPoints,
  async run(input, ctx): Promise<AdjustPointsResult> {
    const { caller, one } = await readWithCaller(ctx, [
      { as: 'target', from: USERS, match: { _id: input.targetUserId }, limit: 1 },
      lastEntryOf('head', input.targetUserId),
    ]);
    const target = one<UserDoc>('target');
    if (!target) throw notFound('该居民');
    requireAdminOver(caller, target.placePath);
    await checkText(ctx.openid, [input.reason]);
    const done = await appendEntry(
      {
        userId: target._id,
        kind: 'adjust',
        delta: input.delta,
        cause: {
          type: 'admin',
          id: idempotentId(caller._id, 'adjust', input.idempotencyKey),
          title: '管理员调整',
        },
        reason: input.reason,
        placePath: target.placePath,
        by: caller._id,
        at: ctx.now,
      },
      headOf(one<PointEntryDoc>('head')),
    );
    // An adjustment is never refused for the balance (planMovement takes what is there).
    if ('insufficient' in done) throw new Error('an adjustment was refused for the balance');
    const e = done.entry;
    return { delta: e.delta, balance: e.balanceAfter, ...(e.shortfall ? { shortfall: e.shortfall } : {}) };
  },
});
