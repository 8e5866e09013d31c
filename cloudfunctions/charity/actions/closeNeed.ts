/**
 * closeNeed — an admin of the recipient's place closes a need early (met elsewhere, no longer needed). Units
 * already pledged still arrive; no new claims. Closing again is a replay.
 * Input: { needId, reason }. Result: NeedView. Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND,
 * FORBIDDEN (outside the admin's scope). Round trips: 2.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { notFound, unauthenticated } from '../../common/errors';
import { charityInputs, type NeedView } from '../contract';
import type { NeedDoc } from '../documents';
import { needView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { NEEDS } from '../documents';

export default action({
  input: charityInputs.closeNeed,
  async run(input, ctx): Promise<NeedView> {
    const r = await readWithCaller<NeedDoc>(ctx, [], { from: NEEDS, match: { _id: input.needId } });
    const need = r.root;
    if (!need) throw notFound('心愿');
    if (!r.caller) throw unauthenticated();
    requireAdminOver(r.caller, need.placePath);
    if (need.closed) return needView(need, ctx.now, true);
    await db
      .collection(NEEDS)
      .where({ _id: need._id, closed: false })
      .update({ data: { closed: true, closedReason: input.reason, updatedAt: ctx.now } });
    return needView({ ...need, closed: true, closedReason: input.reason, updatedAt: ctx.now }, ctx.now, true);
  },
});
