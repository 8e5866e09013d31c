/**
 * getRound — one round in full: rules, dates and timeline, the published tie-break and award rules, results once
 * voting closed (outcomes once published; admins see the draft), proposal counts by status, and what the caller
 * can do: propose (and how many they have), vote (and their remaining quota).
 * Input: { roundId }. Result: RoundView. Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND.
 * Round trips: 2 (caller; round with the caller's ballot and the round's proposals in one aggregate).
 */
import { action } from '../../common/action';
import { proposalInputs, type RoundView } from '../contract';
import { changeLabel } from '../domain/changes';
import { actorFor, participationBlock } from '../domain/eligibility';
import { isOpenFor, PHASE_LABELS } from '../domain/phases';
import { shownStatus, visibleTo, type ShownStatus } from '../domain/proposal';
import { AWARD_RULE, TIE_BREAK } from '../domain/ranking';
import { settingsFrozen } from '../domain/settings';
import { ballotView, resultsView, roundCard, statusRound, timelineView } from '../domain/views';
import { type RoundDoc } from '../documents';
import { loadRound } from '../store';

/** A ranked proposal's title. */
function titleOf(round: RoundDoc, proposalId: string): string {
  return round.results?.entries.find((e) => e.id === proposalId)?.title ?? '';
}

export default action({
  input: proposalInputs.getRound,
  async run(input, ctx): Promise<RoundView> {
    const me = await ctx.caller();
    const { round, ballot, proposals } = await loadRound(input.roundId, {
      voterId: me._id,
      proposals: 'all',
    });
    const actor = actorFor(me, round);
    const state = statusRound(round);
    const counts: Partial<Record<ShownStatus, number>> = {};
    for (const p of proposals) {
      if (!visibleTo(p, actor) || p.status === 'draft') continue;
      const s = shownStatus({ id: p._id, status: p.status }, state);
      counts[s] = (counts[s] ?? 0) + 1;
    }
    const mine = proposals.filter((p) => p.authorId === me._id).length;
    const block = participationBlock(me, round);
    let proposeBlock = block;
    if (!proposeBlock && !isOpenFor(state, 'collecting', ctx.now))
      proposeBlock = `现在是“${PHASE_LABELS[round.phase]}”阶段，不在征集期`;
    if (!proposeBlock && mine >= round.settings.perAuthor)
      proposeBlock = `每人本期最多提 ${round.settings.perAuthor} 个提案，您已提了 ${mine} 个`;
    let voteBlock = block;
    if (!voteBlock && !isOpenFor(state, 'voting', ctx.now))
      voteBlock =
        round.phase === 'voting' ? '投票已经结束' : `现在是“${PHASE_LABELS[round.phase]}”阶段，不在投票期`;
    const s = round.settings;
    return {
      ...roundCard(round),
      description: round.description,
      settings: {
        minBudget: s.minBudget,
        maxBudget: s.maxBudget,
        perAuthor: s.perAuthor,
        approvalLimit: s.approvalLimit,
        showTallies: s.showTallies,
        maxMonths: s.maxMonths,
        minVotes: s.minVotes,
      },
      schedule: {
        collectingFrom: round.schedule.collectingFrom.toISOString(),
        screeningFrom: round.schedule.screeningFrom.toISOString(),
        votingFrom: round.schedule.votingFrom.toISOString(),
        votingUntil: round.schedule.votingUntil.toISOString(),
        workFrom: round.schedule.workFrom.toISOString(),
      },
      timeline: timelineView(round),
      tieBreak: TIE_BREAK,
      awardRule: AWARD_RULE,
      frozen: settingsFrozen(round.phase, round.schedule, ctx.now),
      version: round.version,
      me: {
        isAdmin: actor.isAdmin,
        canPropose: !proposeBlock,
        ...(proposeBlock ? { proposeBlock } : {}),
        myProposals: mine,
        canVote: !voteBlock,
        ...(voteBlock ? { voteBlock } : {}),
        ballot: block ? null : ballotView(ballot, round),
        // Admins: authors' requests to abandon or reduce a funded project, waiting for a decision.
        pendingChanges: actor.isAdmin
          ? (round.changes ?? [])
              .filter((c) => c.status === 'pending')
              .map((c) => ({
                proposalId: c.proposalId,
                title: titleOf(round, c.proposalId),
                label: changeLabel(c),
              }))
          : [],
      },
      results: resultsView(round, actor.isAdmin),
      counts,
    };
  },
});
