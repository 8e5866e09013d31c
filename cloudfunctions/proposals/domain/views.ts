/** How rounds, proposals, ballots, results and accounts are shown (pure; personal data masked). */
import { maskName } from '../../common/mask';
import type {
  AccountEntryView,
  BallotView,
  ProjectSumsView,
  ProposalCard,
  ResultEntryView,
  ResultsView,
  RoundCard,
  SavedProposal,
  TimelineStepView,
} from '../contract';
import type { BallotDoc, ProposalDoc, ReportDoc, RoundDoc } from '../documents';
import { fenToYuan, type AccountEntry, type ProjectSums } from './accountability';
import { remaining, type VoteRules } from './ballot';
import { isAtOrAfter, PHASE_LABELS, phaseEndsAt, timeline } from './phases';
import { shownStatus, STATUS_LABELS, submissionIssues, type Actor, type RoundForStatus } from './proposal';
import { AWARD_RULE, TIE_BREAK, type Award } from './ranking';

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

/** The round's vote rules. */
export function voteRules(r: Pick<RoundDoc, 'settings'>): VoteRules {
  return {
    mode: r.settings.voteMode,
    approvalLimit: r.settings.approvalLimit,
    totalBudget: r.settings.totalBudget,
  };
}

/** The round as the status rules need it. */
export function statusRound(r: RoundDoc): RoundForStatus {
  const published = Boolean(r.results?.publishedAt);
  return {
    phase: r.phase,
    schedule: r.schedule,
    resultsPublished: published,
    fundedIds: published ? (r.results?.entries ?? []).filter((e) => e.funded).map((e) => e.id) : [],
    completedIds: r.completions.map((c) => c.proposalId),
  };
}

/** A round in a list. */
export function roundCard(r: RoundDoc): RoundCard {
  return {
    id: r._id,
    title: r.title,
    scopeId: r.scopeId,
    scopeName: r.scopeName,
    scopeLevel: r.scopeLevel,
    phase: r.phase,
    phaseLabel: PHASE_LABELS[r.phase],
    phaseEndsAt: iso(phaseEndsAt(r.schedule, r.phase)),
    totalBudget: r.settings.totalBudget,
    voteMode: r.settings.voteMode,
  };
}

/** The round's timeline for display. */
export function timelineView(r: RoundDoc): TimelineStepView[] {
  return timeline({
    phase: r.phase,
    schedule: r.schedule,
    resultsPublished: Boolean(r.results?.publishedAt),
  }).map((s) => ({ ...s, from: iso(s.from), until: iso(s.until) }));
}

/** A voter's ballot (an empty one when they have not voted). */
export function ballotView(
  b: Pick<BallotDoc, 'proposalIds' | 'count' | 'spent'> | undefined,
  r: RoundDoc,
): BallotView {
  const state = b ?? { proposalIds: [], count: 0, spent: 0 };
  const left = remaining(state, voteRules(r));
  return {
    mode: left.mode,
    votedProposalIds: state.proposalIds,
    used: left.used,
    limit: left.limit,
    left: left.left,
  };
}

/**
 * The votes residents may see for a proposal: the published-or-computed final count after voting; the live count
 * during voting when the round shows tallies; nothing otherwise.
 */
export function visibleVotes(r: RoundDoc, proposalId: string, live: Map<string, number>): number | undefined {
  if (r.results) return r.results.entries.find((e) => e.id === proposalId)?.votes ?? 0;
  if (r.phase === 'voting' && r.settings.showTallies) return live.get(proposalId) ?? 0;
  return undefined;
}

/** Whether live tallies are shown for the round now. */
export function talliesShown(r: RoundDoc): boolean {
  return !r.results && r.phase === 'voting' && r.settings.showTallies;
}

/** A proposal in a list. */
export function proposalCard(
  p: ProposalDoc,
  r: RoundDoc,
  actor: Actor,
  live: Map<string, number>,
  ballot: Pick<BallotDoc, 'proposalIds'> | undefined,
): ProposalCard {
  const status = shownStatus({ id: p._id, status: p.status }, statusRound(r));
  const mine = p.authorId === actor.userId;
  const held = p.moderation === 'review' && p.status !== 'accepted';
  return {
    id: p._id,
    roundId: p.roundId,
    title: p.title,
    summary: p.summary,
    budget: p.budget,
    months: p.months,
    authorName: p.authorName,
    status,
    statusLabel: STATUS_LABELS[status],
    votes: p.status === 'accepted' ? visibleVotes(r, p._id, live) : undefined,
    voted: Boolean(ballot?.proposalIds.includes(p._id)),
    cover: p.photos[0],
    submittedAt: iso(p.submittedAt),
    ...(held && (mine || actor.isAdmin) ? { heldForReview: true } : {}),
    mine,
  };
}

/** Co-proposers' names: in full for the author and admins, masked for everyone else. */
export function coProposersFor(p: ProposalDoc, actor: Actor): string[] {
  return p.authorId === actor.userId || actor.isAdmin ? p.coProposers : p.coProposers.map(maskName);
}

/** A results line for display; outcomes only once published, unless the viewer is an admin. */
export function resultEntry(e: Award, showOutcome: boolean): ResultEntryView {
  return {
    proposalId: e.id,
    title: e.title,
    votes: e.votes,
    budget: e.budget,
    position: e.position,
    rank: e.rank,
    tied: e.tied,
    ...(showOutcome ? { funded: e.funded, basis: e.basis, reason: e.reason } : {}),
  };
}

/** A round's results, or undefined before voting closed. */
export function resultsView(r: RoundDoc, isAdmin: boolean): ResultsView | undefined {
  const res = r.results;
  if (!res || !isAtOrAfter(r.phase, 'results')) return undefined;
  const published = Boolean(res.publishedAt);
  const showOutcome = published || isAdmin;
  const entries = res.entries.map((e) => resultEntry(e, showOutcome));
  const max = Math.max(1, ...res.entries.map((e) => e.votes));
  return {
    computedAt: res.computedAt.toISOString(),
    published,
    publishedAt: iso(res.publishedAt),
    totalBudget: r.settings.totalBudget,
    ...(showOutcome ? { budgetUsed: res.budgetUsed } : {}),
    voters: res.voters,
    entries,
    tieBreak: TIE_BREAK,
    awardRule: AWARD_RULE,
    chart: res.entries.map((e) => ({
      proposalId: e.id,
      label: e.title,
      votes: e.votes,
      percent: Math.round((e.votes / max) * 100),
      ...(showOutcome ? { funded: e.funded } : {}),
    })),
  };
}

/** A project's sums in yuan. */
export function sumsView(s: ProjectSums): ProjectSumsView {
  return {
    budget: s.budgetYuan,
    spent: fenToYuan(s.spentFen),
    left: fenToYuan(s.leftFen),
    overBudget: s.overBudget,
    spentPercent: s.spentPercent,
    progress: s.progress,
    served: s.served,
    lastReportAt: iso(s.lastReportAt),
  };
}

/** Stored records as domain entries. */
export function accountEntries(reports: readonly ReportDoc[]): AccountEntry[] {
  return reports.map((d) =>
    d.kind === 'spending'
      ? {
          kind: 'spending',
          id: d._id,
          at: new Date(d.at),
          item: d.item ?? '',
          amountFen: d.amountFen ?? 0,
          note: d.note,
          receipts: d.receipts ?? [],
        }
      : {
          kind: 'progress',
          id: d._id,
          at: new Date(d.at),
          progress: d.progress ?? 0,
          served: d.served ?? 0,
          note: d.note,
          photos: d.photos ?? [],
        },
  );
}

/** A record for display. */
export function entryView(e: AccountEntry): AccountEntryView {
  return e.kind === 'spending'
    ? {
        kind: 'spending',
        id: e.id,
        at: e.at.toISOString(),
        item: e.item,
        amount: fenToYuan(e.amountFen),
        note: e.note,
        receipts: e.receipts,
      }
    : {
        kind: 'progress',
        id: e.id,
        at: e.at.toISOString(),
        progress: e.progress,
        served: e.served,
        note: e.note,
        photos: e.photos,
      };
}

/** What a save replies. */
export function savedView(p: ProposalDoc, r: RoundDoc): SavedProposal {
  const status = shownStatus({ id: p._id, status: p.status }, statusRound(r));
  return {
    id: p._id,
    roundId: p.roundId,
    status,
    statusLabel: STATUS_LABELS[status],
    budget: p.budget,
    missing: submissionIssues(p, r.settings),
    heldForReview: p.moderation === 'review' && p.status !== 'accepted',
  };
}
