/**
 * submitProposal — the author submits a complete draft while collecting lasts, or resubmits a proposal sent back
 * for changes while screening lasts (it returns to the screening queue). The first submission time is kept: the
 * tie-break rule uses it.
 * Input: { roundId, proposalId }. Result: SavedProposal.
 * Errors: INVALID_INPUT (incomplete, with what is missing), UNAUTHENTICATED, FORBIDDEN (not the author), NOT_FOUND,
 * CONFLICT (already submitted; phase over; changed meanwhile). Round trips: 3 (caller; round with the proposal;
 * conditional update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { proposalInputs, type SavedProposal } from '../contract';
import { actorFor, requireParticipant } from '../domain/eligibility';
import { requireComplete, submitTransition, requireVisible } from '../domain/proposal';
import { savedView } from '../domain/views';
import { phaseState, PROPOSALS, type ScreeningDoc } from '../documents';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.submitProposal,
  async run(input, ctx): Promise<SavedProposal> {
    const me = await ctx.caller();
    const { round, proposal } = await loadRound(input.roundId, { proposalId: input.proposalId });
    const p = proposal!;
    requireVisible(p, actorFor(me, round));
    const status = submitTransition(p, phaseState(round), actorFor(me, round), ctx.now);
    // They may have moved away since the draft was started.
    requireParticipant(me, round);
    requireComplete(p, round.settings);
    const resubmit = p.status === 'changes_requested';
    const step: ScreeningDoc = { decision: 'resubmit', note: '', by: me._id, at: ctx.now };
    const submittedAt = p.submittedAt ?? ctx.now;
    const res = await db
      .collection(PROPOSALS)
      .where({ _id: p._id, authorId: me._id, status: p.status, updatedAt: p.updatedAt })
      .update({
        data: {
          status,
          submittedAt,
          updatedAt: ctx.now,
          ...(resubmit ? { screening: _.push([step]) } : {}),
        },
      });
    if (updatedCount(res) === 0) throw conflict('提案刚被修改，请刷新后再提交');
    return savedView({ ...p, status, submittedAt }, round);
  },
});
