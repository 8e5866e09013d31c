/**
 * reviewStory — an admin of the recipient's place decides on a need whose story the content check held: `release`
 * puts it on the public list; `reject` (with a reason) closes it, so nobody is left waiting on a need nobody can
 * see — the admin posts it again with a new story. A decision already taken is a replay.
 * Input: { needId, decision, reason? (required to reject) }. Result: NeedView.
 * Errors: INVALID_INPUT (no reason to reject), UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (outside the admin's scope),
 * CONFLICT (not held, or already closed). Round trips: 2 (the need with the caller; the conditional update).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, invalid, notFound, unauthenticated } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { charityInputs, type NeedView } from '../contract';
import { NEEDS, type NeedDoc } from '../documents';
import { needView } from '../domain/views';

export default action({
  input: charityInputs.reviewStory,
  async run(input, ctx): Promise<NeedView> {
    if (input.decision === 'reject' && !input.reason)
      throw invalid('请写上不通过的原因', [{ path: 'reason', message: 'required' }]);
    const r = await readWithCaller<NeedDoc>(ctx, [], { from: NEEDS, match: { _id: input.needId } });
    const need = r.root;
    if (!need) throw notFound('心愿');
    if (!r.caller) throw unauthenticated();
    requireAdminOver(r.caller, need.placePath);
    if (need.storyReview?.decision === input.decision) return needView(need, ctx.now, true);
    if (need.moderation !== 'review' || need.closed) throw conflict('这个心愿不在待审核中');
    const storyReview = {
      decision: input.decision,
      ...(input.reason ? { reason: input.reason } : {}),
      by: r.caller._id,
      at: ctx.now,
    };
    const set: Partial<NeedDoc> =
      input.decision === 'release'
        ? { moderation: 'pass', storyReview, updatedAt: ctx.now }
        : { closed: true, closedReason: `故事未通过审核：${input.reason}`, storyReview, updatedAt: ctx.now };
    // Two admins at once: only one finds it still held.
    const res = await db
      .collection(NEEDS)
      .where({ _id: need._id, moderation: 'review', closed: false })
      .update({ data: set });
    if (updatedCount(res) !== 1) throw conflict('这个心愿刚被其他管理员处理过');
    return needView({ ...need, ...set }, ctx.now, true);
  },
});
