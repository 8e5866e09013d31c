/**
 * The proposals function's collections and the documents stored in them, with the ids derived from what they
 * stand for and the small pure helpers every path through them uses (pure; store.ts reads them).
 */
import { createHash } from 'node:crypto';
import type { Phase, Schedule } from './domain/phases';
import type { BudgetLine, StoredStatus, ScreeningDecision } from './domain/proposal';
import type { ChangeDoc } from './domain/changes';
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
  /** Authors' requests to abandon or reduce a funded project (domain/changes). */
  changes?: ChangeDoc[];
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

/** Dates as Date objects whatever path the document took. */
export function reviveRound(r: RoundDoc): RoundDoc {
  const s = r.schedule;
  return {
    ...r,
    completions: (r.completions ?? []).map((c) => ({ ...c, at: new Date(c.at) })),
    changes: (r.changes ?? []).map((c) => ({
      ...c,
      at: new Date(c.at),
      ...(c.decidedAt ? { decidedAt: new Date(c.decidedAt) } : {}),
    })),
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
