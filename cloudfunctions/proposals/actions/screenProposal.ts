/**
 * screenProposal — 资格预审: an admin of the round's scope accepts a proposal, rejects it with a reason, or asks
 * for changes (the proposer may then edit and resubmit while screening lasts). A decision may be revised until
 * screening ends. Accepting also clears a content-check hold (an admin has looked). The proposer is told.
 * Input: { roundId, proposalId, decision: 'accept' | 'reject' | 'request_changes', note }. Result: SavedProposal.
 * Errors: INVALID_INPUT (a reason is needed to reject or ask for changes), UNAUTHENTICATED, FORBIDDEN (not an
 * admin of the scope), NOT_FOUND, CONFLICT (not screening; a draft or withdrawn proposal; changed meanwhile),
 * CONTENT_REJECTED (note). Round trips: 3 (round with the proposal and the caller; conditional update; the message
 * kept in the proposer's message centre).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { proposalInputs, type SavedProposal } from '../contract';
import { actorFor } from '../domain/eligibility';
import { DECISION_STATUS, requireScreenable, requireVisible } from '../domain/proposal';
import { savedView } from '../domain/views';
import { tellProposer } from '../notices';
import { phaseState, PROPOSALS, type ScreeningDoc } from '../documents';
import { loadRoundForCaller } from '../store';

const OUTCOME = { accept: '已通过', reject: '未通过', request_changes: '请修改' } as const;

export default action({
  input: proposalInputs.screenProposal,
  async run(input, ctx): Promise<SavedProposal> {
    const { me, round, proposal } = await loadRoundForCaller(ctx, input.roundId, {
      proposalId: input.proposalId,
    });
    const p = proposal!;
    requireVisible(p, actorFor(me, round));
    requireScreenable(p, phaseState(round), actorFor(me, round), input.decision, input.note, ctx.now);
    await checkText(ctx.openid, [input.note]);
    const status = DECISION_STATUS[input.decision];
    const step: ScreeningDoc = { decision: input.decision, note: input.note, by: me._id, at: ctx.now };
    const res = await db
      .collection(PROPOSALS)
      .where({ _id: p._id, status: p.status, updatedAt: p.updatedAt })
      .update({
        data: {
          status,
          screening: _.push([step]),
          updatedAt: ctx.now,
          ...(input.decision === 'accept' ? { moderation: 'pass' } : {}),
        },
      });
    if (updatedCount(res) === 0) throw conflict('提案刚被修改或已被其他管理员预审，请刷新后再看');
    await tellProposer(p, 'PROPOSAL_SCREENED', OUTCOME[input.decision], input.note);
    return savedView(
      { ...p, status, moderation: input.decision === 'accept' ? 'pass' : p.moderation },
      round,
    );
  },
});
