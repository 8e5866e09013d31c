/**
 * updateProposal — the author saves changes (any subset of fields; each step of the form saves). Drafts and
 * submitted proposals change while collecting lasts; a proposal sent back for changes while screening lasts;
 * nothing after that. A submitted proposal must stay complete. Text and new photos pass the content check first.
 * Input: { roundId, proposalId, title?, summary?, details?, budgetLines?, budget?, months?, beneficiaries?,
 * coProposers?, photos? }. Result: SavedProposal.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the author), NOT_FOUND, CONFLICT (phase; changed
 * meanwhile), CONTENT_REJECTED. Round trips: 3 (caller; round with the proposal; conditional update).
 */
import { action } from '../../common/action';
import { together } from '../../common/concurrency';
import { db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { proposalInputs, type SavedProposal } from '../contract';
import { actorFor } from '../domain/eligibility';
import { mergeContent, requireComplete, requireEditable, requireVisible } from '../domain/proposal';
import { savedView } from '../domain/views';
import { checkContent } from '../steps/checks';
import { compact, phaseState, PROPOSALS, type ProposalDoc } from '../documents';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.updateProposal,
  async run(input, ctx): Promise<SavedProposal> {
    const { roundId, proposalId, ...patch } = input;
    // Who is asking and the round do not depend on each other: read side by side.
    const [me, { round, proposal }] = await together(ctx.caller(), loadRound(roundId, { proposalId }));
    const p = proposal!;
    requireVisible(p, actorFor(me, round));
    requireEditable(p, phaseState(round), actorFor(me, round), ctx.now);
    const { content, budget } = mergeContent(p, patch);
    if (p.status !== 'draft') requireComplete(content, round.settings);
    const moderation = await checkContent(
      ctx.openid,
      [
        content.title,
        content.summary,
        content.details,
        content.beneficiaries?.who,
        ...content.coProposers,
        ...content.budgetLines.map((l) => l.item),
      ],
      [{ now: content.photos, before: p.photos, field: 'photos' }],
    );
    const changes = compact({ ...content, budget, moderation, updatedAt: ctx.now });
    const res = await db
      .collection(PROPOSALS)
      .where({ _id: p._id, authorId: me._id, status: p.status, updatedAt: p.updatedAt })
      .update({ data: changes });
    if (updatedCount(res) === 0) throw conflict('提案刚被修改或已被预审，请刷新后再改');
    const next: ProposalDoc = { ...p, ...changes };
    return savedView(next, round);
  },
});
