/**
 * withdrawProposal — the author withdraws their proposal before voting opens (a withdrawn proposal still counts
 * toward the per-author limit; a draft is deleted instead). The reason, if given, is shown on the proposal.
 * Input: { roundId, proposalId, reason? }. Result: SavedProposal.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the author), NOT_FOUND, CONFLICT (voting opened; a draft;
 * already withdrawn; changed meanwhile). Round trips: 3 (caller; round with the proposal; conditional update).
 */
import { action } from '../../common/action';
import { together } from '../../common/concurrency';
import { db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { proposalInputs, type SavedProposal } from '../contract';
import { actorFor } from '../domain/eligibility';
import { requireWithdrawable, requireVisible } from '../domain/proposal';
import { savedView } from '../domain/views';
import { checkTextEarly } from '../../common/contentCheck';
import { phaseState, PROPOSALS } from '../documents';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.withdrawProposal,
  async run(input, ctx): Promise<SavedProposal> {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.reason]);
    // Who is asking and the round do not depend on each other: read side by side.
    const [me, { round, proposal }] = await together(
      ctx.caller(),
      loadRound(input.roundId, { proposalId: input.proposalId }),
    );
    const p = proposal!;
    requireVisible(p, actorFor(me, round));
    requireWithdrawable(p, phaseState(round), actorFor(me, round), ctx.now);
    await textChecked();
    const res = await db
      .collection(PROPOSALS)
      .where({ _id: p._id, authorId: me._id, status: p.status })
      .update({
        data: { status: 'withdrawn', withdrawnAt: ctx.now, withdrawReason: input.reason, updatedAt: ctx.now },
      });
    if (updatedCount(res) === 0) throw conflict('提案状态刚刚变了，请刷新后再看');
    return savedView({ ...p, status: 'withdrawn' }, round);
  },
});
