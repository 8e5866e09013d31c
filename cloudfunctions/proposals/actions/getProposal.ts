/**
 * getProposal — one proposal in full, with what the caller may do: edit, submit, withdraw or delete (author),
 * screen (admins), vote or withdraw their vote (residents of the scope, with their remaining quota), report
 * progress and spending (author and admins, once funded). Screening notes show to the author and admins; others
 * see only a rejection's reason. Co-proposers' names are masked for everyone else.
 * Input: { roundId, proposalId }. Result: ProposalDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (also for a draft or held proposal the caller may not see).
 * Round trips: 2 (caller; round with the proposal, the caller's ballot, its tally and its records in one aggregate).
 */
import { action } from '../../common/action';
import { notFound } from '../../common/errors';
import { proposalInputs, type ProposalDetail } from '../contract';
import { projectSums } from '../domain/accountability';
import { actorFor, participationBlock } from '../domain/eligibility';
import { isOpenFor, PHASE_LABELS } from '../domain/phases';
import { editableNow, isAuthor, visibleTo } from '../domain/proposal';
import {
  accountEntries,
  ballotView,
  coProposersFor,
  proposalCard,
  resultEntry,
  roundCard,
  statusRound,
  sumsView,
} from '../domain/views';
import { phaseState } from '../documents';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.getProposal,
  async run(input, ctx): Promise<ProposalDetail> {
    const me = await ctx.caller();
    const { round, proposal, ballot, tallies, reports } = await loadRound(input.roundId, {
      proposalId: input.proposalId,
      voterId: me._id,
      proposalTally: true,
      reports: 'proposal',
    });
    const p = proposal!;
    const actor = actorFor(me, round);
    if (!visibleTo(p, actor)) throw notFound('提案');
    const author = isAuthor(p, actor);
    const phase = phaseState(round);
    const card = proposalCard(p, round, actor, tallies, ballot);
    const st = statusRound(round);
    const funded = Boolean(st.fundedIds?.includes(p._id));
    const completed = Boolean(st.completedIds?.includes(p._id));
    const beforeVoting = (['upcoming', 'collecting', 'screening'] as const).some((ph) =>
      isOpenFor(phase, ph, ctx.now),
    );
    const block = participationBlock(me, round);
    let voteBlock = block;
    if (!voteBlock && !isOpenFor(phase, 'voting', ctx.now))
      voteBlock =
        round.phase === 'voting' ? '投票已经结束' : `现在是“${PHASE_LABELS[round.phase]}”阶段，不在投票期`;
    if (!voteBlock && p.status !== 'accepted') voteBlock = '这个提案没有进入投票';
    const entry = round.results?.entries.find((e) => e.id === p._id);
    const showOutcome = Boolean(round.results?.publishedAt) || actor.isAdmin;
    const lastReject = [...p.screening].reverse().find((s) => s.decision === 'reject');
    return {
      ...card,
      details: p.details,
      budgetLines: p.budgetLines,
      ...(p.beneficiaries ? { beneficiaries: p.beneficiaries } : {}),
      coProposers: coProposersFor(p, actor),
      photos: p.photos,
      screening:
        author || actor.isAdmin
          ? p.screening.map((s) => ({ decision: s.decision, note: s.note, at: s.at.toISOString() }))
          : p.status === 'rejected' && lastReject
            ? [{ decision: 'reject', note: lastReject.note, at: lastReject.at.toISOString() }]
            : [],
      ...(p.withdrawReason ? { withdrawReason: p.withdrawReason } : {}),
      can: {
        edit: author && editableNow(p, phase, ctx.now),
        submit:
          author &&
          ((p.status === 'draft' && isOpenFor(phase, 'collecting', ctx.now)) ||
            (p.status === 'changes_requested' && isOpenFor(phase, 'screening', ctx.now))),
        withdraw: author && !['draft', 'withdrawn', 'rejected'].includes(p.status) && beforeVoting,
        delete: author && p.status === 'draft',
        screen:
          actor.isAdmin &&
          isOpenFor(phase, 'screening', ctx.now) &&
          !['draft', 'withdrawn'].includes(p.status),
        report: (author || actor.isAdmin) && funded && !completed && isOpenFor(phase, 'in_progress', ctx.now),
      },
      vote: {
        canVote: !voteBlock,
        ...(voteBlock ? { block: voteBlock } : {}),
        voted: card.voted,
        ballot: block ? null : ballotView(ballot, round),
      },
      ...(entry ? { result: resultEntry(entry, showOutcome) } : {}),
      ...(funded
        ? { account: { ...sumsView(projectSums(p.budget, accountEntries(reports))), completed } }
        : {}),
      round: roundCard(round),
    };
  },
});
