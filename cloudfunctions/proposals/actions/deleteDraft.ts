/**
 * deleteDraft — the author deletes a draft (it frees its place in the per-author limit). Only drafts: submitted
 * proposals are withdrawn instead, so the record stays.
 * Input: { roundId, proposalId }. Result: { deleted: true }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such draft of theirs). Round trips: 2 (caller, remove).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { notFound } from '../../common/errors';
import { proposalInputs } from '../contract';
import { PROPOSALS } from '../documents';

export default action({
  input: proposalInputs.deleteDraft,
  async run(input, ctx): Promise<{ deleted: true }> {
    const me = await ctx.caller();
    const res = (await db
      .collection(PROPOSALS)
      .where({ _id: input.proposalId, roundId: input.roundId, authorId: me._id, status: 'draft' })
      .remove()) as { stats?: { removed?: number } };
    if ((res.stats?.removed ?? 0) === 0) throw notFound('草稿');
    return { deleted: true };
  },
});
