/**
 * The proposals function's collections, their document types, and the one read most actions share: a round with
 * whatever else the action needs from the other collections (a proposal, the caller's ballot, tallies, the
 * round's proposals, a project's records), fetched in ONE aggregate with `$lookup`s, so an action stays within
 * three database round trips.
 */
import { createHash } from 'node:crypto';
import { _, db } from '../common/cloud';
import { PLACES, type PlaceRef } from '../common/directory/places';
import { notFound } from '../common/errors';
import type { Phase, Schedule } from './domain/phases';
import type { BudgetLine, StoredStatus, ScreeningDecision } from './domain/proposal';
import type { Award } from './domain/ranking';
import type { RoundSettings } from './domain/settings';

/** Collection names. */
export const ROUNDS = 'proposal_rounds';
export const PROPOSALS = 'proposals';
export const BALLOTS = 'proposal_ballots';
export const REPORTS = 'proposal_reports';

/** A round's computed (and later published) results. */
export interface ResultsDoc {
  computedAt: Date;
  /** Voters with at least one live vote when voting closed. */
  voters: number;
  entries: Award[];
  budgetUsed: number;
  /** Who wrote each ranked proposal: for messages and the accounts (never shown as is). */
  authors: { proposalId: string; authorId: string; authorName: string; authorOpenid: string }[];
  publishedAt?: Date;
  publishedBy?: string;
}

/** An admin's confirmation that a funded project is complete. */
export interface CompletionDoc {
  proposalId: string;
  at: Date;
  by: string;
  note: string;
}

/** A round (一期微公益). */
export interface RoundDoc {
  _id: string;
  title: string;
  description: string;
  scopeId: string;
  scopeLevel: 'street' | 'community';
  scopeName: string;
  /** District → street (→ community) ids of the scope, itself included. */
  scopePath: string[];
  settings: RoundSettings;
  schedule: Schedule;
  phase: Phase;
  /** When the timer should next look at it (null: a decision moves it on). */
  nextCheckAt: Date | null;
  /** Bumped by every write, for optimistic updates. */
  version: number;
  frozenAt?: Date;
  results?: ResultsDoc;
  completions: CompletionDoc[];
  closedAt?: Date;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A screening step kept on the proposal. */
export interface ScreeningDoc {
  decision: ScreeningDecision | 'resubmit';
  note: string;
  by: string;
  at: Date;
}

/** A proposal. `_id` is one of the author's slots in the round (see {@link proposalSlotId}). */
export interface ProposalDoc {
  _id: string;
  roundId: string;
  authorId: string;
  /** For subscription messages only; never shown. */
  authorOpenid: string;
  authorName: string;
  slot: number;
  idempotencyKey: string;
  status: StoredStatus;
  title: string;
  summary: string;
  details: string;
  budgetLines: BudgetLine[];
  /** Sum of the budget lines (yuan). */
  budget: number;
  months?: number;
  beneficiaries?: { who: string; count: number };
  coProposers: string[];
  photos: string[];
  /** The content check's verdict on the current text and photos. */
  moderation: 'pass' | 'review';
  screening: ScreeningDoc[];
  submittedAt?: Date;
  withdrawnAt?: Date;
  withdrawReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A voter's ballot in a round: the proposals they support (see domain/ballot). */
export interface BallotDoc {
  _id: string;
  roundId: string;
  voterId: string;
  proposalIds: string[];
  count: number;
  spent: number;
  /** The last changes, for audit. */
  log: { op: 'vote' | 'withdraw'; proposalId: string; at: Date }[];
  createdAt: Date;
  updatedAt: Date;
}

/** A record in a funded project's public account. */
export interface ReportDoc {
  _id: string;
  roundId: string;
  proposalId: string;
  kind: 'progress' | 'spending';
  at: Date;
  note: string;
  progress?: number;
  served?: number;
  photos?: string[];
  item?: string;
  amountFen?: number;
  receipts?: string[];
  by: string;
  createdAt: Date;
}

/** The object without its undefined fields (the wire would otherwise carry them as null). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** How many audit lines a ballot keeps. */
export const BALLOT_LOG_KEEP = 50;

function hashId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** The ballot of a voter in a round: one per (round, voter), by construction. */
export function ballotId(roundId: string, voterId: string): string {
  return hashId('ballot', roundId, voterId);
}

/**
 * The id of an author's `slot`-th proposal in a round (1 … perAuthor). A create takes the first free slot, so the
 * per-author limit is held by the primary key: a second create racing for the same slot is refused by the
 * database, never counted-then-inserted.
 */
export function proposalSlotId(roundId: string, authorId: string, slot: number): string {
  return hashId('proposal', roundId, authorId, String(slot));
}

/** Proposal fields lists need (the long text stays behind). */
export const CARD_FIELDS = { details: 0, authorOpenid: 0 } as const;

/** What {@link loadRound} can bring along with the round. */
export interface RoundReadOptions {
  /** A proposal of the round (NOT_FOUND unless it belongs to it). */
  proposalId?: string;
  /** The caller's ballot. */
  voterId?: string;
  /** Live tallies of every proposal, and the number of voters. */
  tallies?: boolean;
  /** Live tally of the one proposal given. */
  proposalTally?: boolean;
  /** The round's proposals (card fields), or only one author's. */
  proposals?: 'all' | { authorId: string };
  /** Records of the proposal given, or of the whole round. */
  reports?: 'proposal' | 'round';
  /** One record by id (an idempotent create looks for its earlier self). */
  reportId?: string;
}

/** What {@link loadRound} read. */
export interface RoundRead {
  round: RoundDoc;
  proposal?: ProposalDoc;
  ballot?: BallotDoc;
  tallies: Map<string, number>;
  voters: number;
  proposals: ProposalDoc[];
  reports: ReportDoc[];
  /** The record asked for by id, if it exists. */
  report?: ReportDoc;
}

/** The SDK's sub-pipeline builder for `$lookup` (present at runtime, missing from its typings). */
interface Pipeline {
  match(query: object): Pipeline;
  unwind(field: string): Pipeline;
  group(spec: object): Pipeline;
  count(field: string): Pipeline;
  project(spec: object): Pipeline;
  sort(spec: object): Pipeline;
  limit(n: number): Pipeline;
  done(): object[];
}
const $ = _.aggregate;
const pipeline = (): Pipeline => ($ as unknown as { pipeline(): Pipeline }).pipeline();

/** Reads a round and what the options ask for, in one database round trip. NOT_FOUND for a missing round. */
export async function loadRound(roundId: string, o: RoundReadOptions = {}): Promise<RoundRead> {
  let q = db.collection(ROUNDS).aggregate().match({ _id: roundId });
  if (o.proposalId)
    q = q.lookup({
      from: PROPOSALS,
      pipeline: pipeline().match({ _id: o.proposalId }).done(),
      as: 'proposal',
    });
  if (o.voterId)
    q = q.lookup({
      from: BALLOTS,
      pipeline: pipeline()
        .match({ _id: ballotId(roundId, o.voterId) })
        .done(),
      as: 'ballot',
    });
  if (o.tallies) {
    q = q
      .lookup({
        from: BALLOTS,
        pipeline: pipeline()
          .match({ roundId })
          .unwind('$proposalIds')
          .group({ _id: '$proposalIds', n: $.sum(1) })
          .done(),
        as: 'tallies',
      })
      .lookup({
        from: BALLOTS,
        pipeline: pipeline()
          .match({ roundId, count: _.gt(0) })
          .count('n')
          .done(),
        as: 'voters',
      });
  } else if (o.proposalTally && o.proposalId) {
    q = q.lookup({
      from: BALLOTS,
      pipeline: pipeline().match({ roundId, proposalIds: o.proposalId }).count('n').done(),
      as: 'proposalTally',
    });
  }
  if (o.proposals) {
    const where = o.proposals === 'all' ? { roundId } : { roundId, authorId: o.proposals.authorId };
    q = q.lookup({
      from: PROPOSALS,
      pipeline: pipeline()
        .match(where)
        // An author's own proposals come whole (a retried create replies with what it saved).
        .project(o.proposals === 'all' ? CARD_FIELDS : { authorOpenid: 0 })
        .limit(o.proposals === 'all' ? 1000 : 50)
        .done(),
      as: 'proposals',
    });
  }
  if (o.reports) {
    const where = o.reports === 'proposal' ? { roundId, proposalId: o.proposalId } : { roundId };
    q = q.lookup({
      from: REPORTS,
      pipeline: pipeline().match(where).sort({ at: -1 }).limit(1000).done(),
      as: 'reports',
    });
  }
  if (o.reportId)
    q = q.lookup({ from: REPORTS, pipeline: pipeline().match({ _id: o.reportId }).done(), as: 'report' });
  const res = (await q.end()) as { list?: Record<string, unknown>[]; data?: Record<string, unknown>[] };
  const row = (res.list ?? res.data ?? [])[0];
  if (!row) throw notFound('这一期微公益');
  const { proposal, ballot, tallies, voters, proposalTally, proposals, reports, report, ...round } = row as {
    proposal?: ProposalDoc[];
    ballot?: BallotDoc[];
    tallies?: { _id: string; n: number }[];
    voters?: { n: number }[];
    proposalTally?: { n: number }[];
    proposals?: ProposalDoc[];
    reports?: ReportDoc[];
    report?: ReportDoc[];
  } & Record<string, unknown>;
  const p = proposal?.[0];
  if (o.proposalId && (!p || p.roundId !== roundId)) throw notFound('提案');
  const talliesMap = new Map((tallies ?? []).map((t) => [t._id, t.n]));
  if (proposalTally && o.proposalId) talliesMap.set(o.proposalId, proposalTally[0]?.n ?? 0);
  return {
    round: reviveRound(round as unknown as RoundDoc),
    proposal: p && reviveProposal(p),
    ballot: ballot?.[0],
    tallies: talliesMap,
    voters: voters?.[0]?.n ?? 0,
    proposals: (proposals ?? []).map(reviveProposal),
    reports: (reports ?? []).map((r) => ({ ...r, at: new Date(r.at) })),
    report: report?.[0] && { ...report[0], at: new Date(report[0].at) },
  };
}

/** Dates as Date objects whatever path the document took. */
export function reviveRound(r: RoundDoc): RoundDoc {
  const s = r.schedule;
  return {
    ...r,
    completions: (r.completions ?? []).map((c) => ({ ...c, at: new Date(c.at) })),
    schedule: {
      collectingFrom: new Date(s.collectingFrom),
      screeningFrom: new Date(s.screeningFrom),
      votingFrom: new Date(s.votingFrom),
      votingUntil: new Date(s.votingUntil),
      workFrom: new Date(s.workFrom),
    },
    results: r.results && {
      ...r.results,
      computedAt: new Date(r.results.computedAt),
      publishedAt: r.results.publishedAt ? new Date(r.results.publishedAt) : undefined,
      entries: r.results.entries.map((e) => ({ ...e, submittedAt: new Date(e.submittedAt) })),
    },
  };
}

/** Dates as Date objects. */
export function reviveProposal(p: ProposalDoc): ProposalDoc {
  return {
    ...p,
    submittedAt: p.submittedAt ? new Date(p.submittedAt) : undefined,
    createdAt: new Date(p.createdAt),
    updatedAt: new Date(p.updatedAt),
    screening: (p.screening ?? []).map((s) => ({ ...s, at: new Date(s.at) })),
  };
}

/** The round's phase state for the domain rules. */
export function phaseState(r: RoundDoc): { phase: Phase; schedule: Schedule; resultsPublished: boolean } {
  return { phase: r.phase, schedule: r.schedule, resultsPublished: Boolean(r.results?.publishedAt) };
}

/** Ids of funded proposals (once results are published) and of completed ones. */
export function awardState(r: RoundDoc): { fundedIds: string[]; completedIds: string[] } {
  const published = Boolean(r.results?.publishedAt);
  return {
    fundedIds: published ? (r.results?.entries ?? []).filter((e) => e.funded).map((e) => e.id) : [],
    completedIds: r.completions.map((c) => c.proposalId),
  };
}

/** A place and, if it exists already, the round with this id (a retried create), in one round trip. */
export async function placeAndRound(
  placeId: string,
  roundId: string,
): Promise<{ place?: PlaceRef; existing?: RoundDoc }> {
  const res = (await db
    .collection(PLACES)
    .aggregate()
    .match({ _id: placeId })
    .lookup({ from: ROUNDS, pipeline: pipeline().match({ _id: roundId }).done(), as: 'existing' })
    .end()) as {
    list?: (PlaceRef & { existing: RoundDoc[] })[];
    data?: (PlaceRef & { existing: RoundDoc[] })[];
  };
  const row = (res.list ?? res.data ?? [])[0];
  if (!row) return {};
  const { existing, ...place } = row;
  return { place, existing: existing[0] && reviveRound(existing[0]) };
}
