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
import { awarded, changeView, projectChange } from '../steps/changes';
import { loadRound, type RoundRead } from '../store';
import type { UserDoc } from '../../common/directory/users';

type Round = RoundRead['round'];

/** A funded project's account (against its budget after approved changes) and its abandon/reduce requests. */
function fundedExtras(
  round: Round,
  p: Proposal,
  reports: RoundRead['reports'],
  o: { completed: boolean; author: boolean; admin: boolean; now: Date },
): Pick<ProposalDetail, 'account' | 'change'> {
  const award = awarded(round, p._id);
  const state = projectChange(round, p._id, award?.budget ?? p.budget);
  const sums = projectSums(state.budgetFen / 100, accountEntries(reports));
  const mine = (round.changes ?? []).filter((c) => c.proposalId === p._id);
  const latest = mine[mine.length - 1];
  const open = isOpenFor(phaseState(round), 'in_progress', o.now) && !o.completed && !state.abandoned;
  return {
    account: { ...sumsView(sums), completed: o.completed },
    change: {
      canRequest: o.author && open && !state.pending,
      canDecide: o.admin && open && Boolean(state.pending),
      abandoned: state.abandoned,
      returned: state.returnedFen / 100,
      ...(latest && (o.author || o.admin || latest.status === 'approved')
        ? { latest: changeView(latest, p.title) }
        : {}),
    },
  };
}
type Proposal = NonNullable<RoundRead['proposal']>;
type Actor = ReturnType<typeof actorFor>;
type PhaseState = ReturnType<typeof phaseState>;

/** Why the caller cannot vote for this proposal now, if they cannot. */
function voteBlockFor(
  me: UserDoc,
  round: Round,
  p: Proposal,
  phase: PhaseState,
  now: Date,
): string | undefined {
  const block = participationBlock(me, round);
  if (block) return block;
  if (!isOpenFor(phase, 'voting', now))
    return round.phase === 'voting' ? '投票已经结束' : `现在是“${PHASE_LABELS[round.phase]}”阶段，不在投票期`;
  if (p.status !== 'accepted') return '这个提案没有进入投票';
  return undefined;
}

/** The screening steps the caller sees: all of them for the author and admins, else only a final rejection. */
function screeningShown(p: Proposal, actor: Actor, author: boolean): ProposalDetail['screening'] {
  if (author || actor.isAdmin)
    return p.screening.map((s) => ({ decision: s.decision, note: s.note, at: s.at.toISOString() }));
  const lastReject = [...p.screening].reverse().find((s) => s.decision === 'reject');
  return p.status === 'rejected' && lastReject
    ? [{ decision: 'reject', note: lastReject.note, at: lastReject.at.toISOString() }]
    : [];
}

/** What the caller may do with the proposal now. */
function abilities(
  p: Proposal,
  phase: PhaseState,
  who: { actor: Actor; author: boolean },
  project: { funded: boolean; completed: boolean },
  now: Date,
): ProposalDetail['can'] {
  const { actor, author } = who;
  const beforeVoting = (['upcoming', 'collecting', 'screening'] as const).some((ph) =>
    isOpenFor(phase, ph, now),
  );
  return {
    edit: author && editableNow(p, phase, now),
    submit:
      author &&
      ((p.status === 'draft' && isOpenFor(phase, 'collecting', now)) ||
        (p.status === 'changes_requested' && isOpenFor(phase, 'screening', now))),
    withdraw: author && !['draft', 'withdrawn', 'rejected'].includes(p.status) && beforeVoting,
    delete: author && p.status === 'draft',
    screen: actor.isAdmin && isOpenFor(phase, 'screening', now) && !['draft', 'withdrawn'].includes(p.status),
    report:
      (author || actor.isAdmin) &&
      project.funded &&
      !project.completed &&
      isOpenFor(phase, 'in_progress', now),
  };
}

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
    const abandoned = (round.changes ?? []).some(
      (c) => c.proposalId === p._id && c.kind === 'abandon' && c.status === 'approved',
    );
    const voteBlock = voteBlockFor(me, round, p, phase, ctx.now);
    const entry = round.results?.entries.find((e) => e.id === p._id);
    const showOutcome = Boolean(round.results?.publishedAt) || actor.isAdmin;
    return {
      ...card,
      details: p.details,
      budgetLines: p.budgetLines,
      ...(p.beneficiaries ? { beneficiaries: p.beneficiaries } : {}),
      coProposers: coProposersFor(p, actor),
      photos: p.photos,
      screening: screeningShown(p, actor, author),
      ...(p.withdrawReason ? { withdrawReason: p.withdrawReason } : {}),
      can: abilities(p, phase, { actor, author }, { funded, completed: completed || abandoned }, ctx.now),
      vote: {
        canVote: !voteBlock,
        ...(voteBlock ? { block: voteBlock } : {}),
        voted: card.voted,
        ballot: participationBlock(me, round) ? null : ballotView(ballot, round),
      },
      ...(entry ? { result: resultEntry(entry, showOutcome) } : {}),
      ...(funded
        ? fundedExtras(round, p, reports, { completed, author, admin: actor.isAdmin, now: ctx.now })
        : {}),
      round: roundCard(round),
    };
  },
});
