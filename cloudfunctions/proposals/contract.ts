/**
 * The `proposals` function's contract (微公益提案): limits as data, one strict zod schema per action, and the views
 * its replies carry. The mini program imports the types only.
 */
import * as z from 'zod';
import type { FieldIssue } from '../common/reply';
import { PROPOSAL_LIMITS } from '../../miniprogram/shared/limits';
import { fileId, id, idempotencyKey, isoDate, line, page, text } from '../common/schemas';
import type { Phase } from './domain/phases';
import type { ShownStatus, StatusFilter } from './domain/proposal';
import type { AwardBasis, TieBreakKey } from './domain/ranking';
import type { VoteMode } from './domain/settings';

/** Limits of the capability (miniprogram/shared/limits.ts, shared with the mini program's forms). */
export { PROPOSAL_LIMITS };

/** Defaults of a new round (禄口's 幸福禄口·微公益: 2,000–10,000 yuan, 5–6 months, 2 proposals each). */
export const ROUND_DEFAULTS = {
  minBudget: 2000,
  maxBudget: 10000,
  perAuthor: 2,
  approvalLimit: 3,
  showTallies: true,
  maxMonths: 6,
  minVotes: 1,
} as const;

const L = PROPOSAL_LIMITS;
const yuan = (max: number) => z.number().int().min(0).max(max);
const voteMode = z.enum(['approval', 'budget']);

const schedule = z.strictObject({
  collectingFrom: isoDate,
  screeningFrom: isoDate,
  votingFrom: isoDate,
  votingUntil: isoDate,
  workFrom: isoDate,
});

const settingsFields = {
  totalBudget: z.number().int().min(L.totalBudgetMin).max(L.totalBudgetMax),
  minBudget: yuan(L.totalBudgetMax),
  maxBudget: z.number().int().min(1).max(L.totalBudgetMax),
  perAuthor: z.number().int().min(1).max(L.perAuthorMax),
  voteMode,
  approvalLimit: z.number().int().min(1).max(L.approvalLimitMax),
  showTallies: z.boolean(),
  maxMonths: z.number().int().min(1).max(L.monthsMax),
  minVotes: z.number().int().min(0).max(100_000),
};

const budgetLine = z.strictObject({
  item: line(L.budgetItemMax),
  amount: z.number().int().min(1).max(L.totalBudgetMax),
});

/** The content fields of a proposal; all optional in a draft, checked as a whole on submit. */
const contentFields = {
  title: line(L.titleMax),
  summary: text(L.summaryMax),
  details: text(L.detailsMax),
  budgetLines: z.array(budgetLine).max(L.budgetLinesMax),
  /** The total the proposer means; when given, the lines must sum to it. */
  budget: yuan(L.totalBudgetMax),
  months: z.number().int().min(1).max(L.monthsMax),
  beneficiaries: z.strictObject({
    who: text(L.beneficiariesWhoMax),
    count: z.number().int().min(0).max(1_000_000),
  }),
  coProposers: z.array(line(L.coProposerNameMax)).max(L.coProposersMax),
  photos: z.array(fileId).max(L.photosMax),
};

/** Lines must add up to the stated total (reported on `budget`, the field the proposer typed). */
function linesSumToBudget(v: { budget?: number; budgetLines?: { amount: number }[] }, ctx: z.RefinementCtx) {
  if (v.budget === undefined || v.budgetLines === undefined) return;
  const sum = v.budgetLines.reduce((s, l) => s + l.amount, 0);
  if (sum !== v.budget)
    ctx.addIssue({
      code: 'custom',
      path: ['budget'],
      message: `预算明细合计 ${sum} 元，与总预算 ${v.budget} 元不一致`,
    });
}

const ref = { roundId: id, proposalId: id };
const pageFields = page.shape;

/** Inputs by action. */
export const proposalInputs = {
  createRound: z.strictObject({
    idempotencyKey,
    scopeId: id,
    title: line(L.roundTitleMax),
    description: text(L.roundDescriptionMax).default(''),
    totalBudget: settingsFields.totalBudget,
    voteMode: voteMode.default('approval'),
    minBudget: settingsFields.minBudget.default(ROUND_DEFAULTS.minBudget),
    maxBudget: settingsFields.maxBudget.default(ROUND_DEFAULTS.maxBudget),
    perAuthor: settingsFields.perAuthor.default(ROUND_DEFAULTS.perAuthor),
    approvalLimit: settingsFields.approvalLimit.default(ROUND_DEFAULTS.approvalLimit),
    showTallies: settingsFields.showTallies.default(ROUND_DEFAULTS.showTallies),
    maxMonths: settingsFields.maxMonths.default(ROUND_DEFAULTS.maxMonths),
    minVotes: settingsFields.minVotes.default(ROUND_DEFAULTS.minVotes),
    schedule,
  }),
  updateRound: z.strictObject({
    roundId: id,
    /** The version the admin saw (a change made meanwhile is not overwritten). */
    expectedVersion: z.number().int().min(0),
    title: line(L.roundTitleMax).optional(),
    description: text(L.roundDescriptionMax).optional(),
    totalBudget: settingsFields.totalBudget.optional(),
    voteMode: voteMode.optional(),
    minBudget: settingsFields.minBudget.optional(),
    maxBudget: settingsFields.maxBudget.optional(),
    perAuthor: settingsFields.perAuthor.optional(),
    approvalLimit: settingsFields.approvalLimit.optional(),
    showTallies: settingsFields.showTallies.optional(),
    maxMonths: settingsFields.maxMonths.optional(),
    minVotes: settingsFields.minVotes.optional(),
    schedule: schedule.partial().optional(),
  }),
  listRounds: z.strictObject({
    phase: z
      .enum(['upcoming', 'collecting', 'screening', 'voting', 'results', 'in_progress', 'closed'])
      .optional(),
    ...pageFields,
  }),
  getRound: z.strictObject({ roundId: id }),
  createProposal: z
    .strictObject({
      roundId: id,
      idempotencyKey,
      title: contentFields.title,
      summary: contentFields.summary.optional(),
      details: contentFields.details.optional(),
      budgetLines: contentFields.budgetLines.optional(),
      budget: contentFields.budget.optional(),
      months: contentFields.months.optional(),
      beneficiaries: contentFields.beneficiaries.optional(),
      coProposers: contentFields.coProposers.optional(),
      photos: contentFields.photos.optional(),
    })
    .superRefine(linesSumToBudget),
  updateProposal: z
    .strictObject({
      ...ref,
      title: contentFields.title.optional(),
      summary: contentFields.summary.optional(),
      details: contentFields.details.optional(),
      budgetLines: contentFields.budgetLines.optional(),
      budget: contentFields.budget.optional(),
      months: contentFields.months.optional(),
      beneficiaries: contentFields.beneficiaries.optional(),
      coProposers: contentFields.coProposers.optional(),
      photos: contentFields.photos.optional(),
    })
    .superRefine(linesSumToBudget),
  submitProposal: z.strictObject(ref),
  withdrawProposal: z.strictObject({ ...ref, reason: text(L.withdrawReasonMax).default('') }),
  deleteDraft: z.strictObject(ref),
  listProposals: z.strictObject({
    roundId: id,
    sort: z.enum(['newest', 'votes', 'budget']).default('newest'),
    status: z
      .enum([
        'all',
        'submitted',
        'accepted',
        'changes_requested',
        'rejected',
        'funded',
        'not_funded',
        'completed',
        'withdrawn',
        'lapsed',
      ])
      .default('all'),
    ...pageFields,
  }),
  getProposal: z.strictObject(ref),
  myProposals: z.strictObject({ ...pageFields }),
  screenProposal: z.strictObject({
    ...ref,
    decision: z.enum(['accept', 'reject', 'request_changes']),
    note: text(L.screeningNoteMax).default(''),
  }),
  vote: z.strictObject(ref),
  withdrawVote: z.strictObject(ref),
  publishResults: z.strictObject({
    roundId: id,
    expectedVersion: z.number().int().min(0),
    decisions: z
      .array(z.strictObject({ proposalId: id, funded: z.boolean(), reason: line(L.decisionReasonMax) }))
      .max(L.proposalsPerRoundMax)
      .default([]),
  }),
  recordProgress: z.strictObject({
    ...ref,
    idempotencyKey,
    progress: z.number().int().min(0).max(100),
    served: z.number().int().min(0).max(100_000).default(0),
    note: line(L.reportNoteMax),
    photos: z.array(fileId).max(L.reportPhotosMax).default([]),
    /** When it happened (default: now); not in the future. */
    at: isoDate.optional(),
  }),
  recordSpending: z.strictObject({
    ...ref,
    idempotencyKey,
    item: line(L.spendingItemMax),
    /** Yuan, at most two decimals. */
    amount: z
      .number()
      .positive()
      .max(L.totalBudgetMax)
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '金额最多两位小数'),
    note: text(L.reportNoteMax).default(''),
    receipts: z.array(fileId).min(1, '请上传票据照片').max(L.reportPhotosMax),
    at: isoDate.optional(),
  }),
  confirmCompletion: z.strictObject({ ...ref, note: text(L.screeningNoteMax).default('') }),
  accountability: z.strictObject({ roundId: id, proposalId: id.optional() }),
  requestChange: z.strictObject({
    ...ref,
    idempotencyKey,
    kind: z.enum(['abandon', 'reduce']),
    /** Reduce: the new budget (yuan). */
    budget: yuan(L.totalBudgetMax).optional(),
    reason: line(L.decisionReasonMax),
  }),
  decideChange: z.strictObject({
    ...ref,
    changeId: id,
    decision: z.enum(['approve', 'refuse']),
    note: text(L.screeningNoteMax).default(''),
  }),
  pendingChanges: z.strictObject({ roundId: id }),
} as const;

/** Action names. */
export type ProposalAction = keyof typeof proposalInputs;
/** Input of an action, as the client sends it. */
export type ProposalInput<A extends ProposalAction> = z.input<(typeof proposalInputs)[A]>;

/** One step of a round's timeline. */
export interface TimelineStepView {
  phase: Phase;
  label: string;
  from?: string;
  until?: string;
  state: 'done' | 'current' | 'ahead';
}

/** The tie-break rule, as published. */
export interface TieBreakView {
  keys: readonly TieBreakKey[];
  text: string;
}

/** A round in a list. */
export interface RoundCard {
  id: string;
  title: string;
  scopeId: string;
  scopeName: string;
  scopeLevel: 'street' | 'community';
  phase: Phase;
  phaseLabel: string;
  /** When the current phase's actions stop by date, if they do. */
  phaseEndsAt?: string;
  totalBudget: number;
  voteMode: VoteMode;
}

/** The voter's ballot and quota in a round. */
export interface BallotView {
  mode: VoteMode;
  votedProposalIds: string[];
  /** Approval: proposals supported; budget: yuan chosen. */
  used: number;
  limit: number;
  left: number;
}

/** A round in full. */
export interface RoundView extends RoundCard {
  description: string;
  settings: {
    minBudget: number;
    maxBudget: number;
    perAuthor: number;
    approvalLimit: number;
    showTallies: boolean;
    maxMonths: number;
    minVotes: number;
  };
  schedule: Record<'collectingFrom' | 'screeningFrom' | 'votingFrom' | 'votingUntil' | 'workFrom', string>;
  timeline: TimelineStepView[];
  tieBreak: TieBreakView;
  awardRule: string;
  /** Settings can no longer change (voting opened). */
  frozen: boolean;
  /** For optimistic updates by admins. */
  version: number;
  me: {
    isAdmin: boolean;
    canPropose: boolean;
    /** Why not, in plain words. */
    proposeBlock?: string;
    myProposals: number;
    canVote: boolean;
    voteBlock?: string;
    ballot: BallotView | null;
    /** Admins: requests to abandon or reduce a funded project waiting for their decision. */
    pendingChanges: { proposalId: string; title: string; label: string }[];
  };
  results?: ResultsView;
  /** Proposals by status (admins: screening queue at a glance). */
  counts: Partial<Record<ShownStatus, number>>;
}

/** A proposal in a list. */
export interface ProposalCard {
  id: string;
  roundId: string;
  title: string;
  summary: string;
  budget: number;
  months?: number;
  authorName: string;
  status: ShownStatus;
  statusLabel: string;
  /** Live votes, when the round shows them (always after voting). */
  votes?: number;
  /** Whether the caller supports it. */
  voted: boolean;
  cover?: string;
  submittedAt?: string;
  /** Held back from the public by the content check until an admin accepts it (author/admins only). */
  heldForReview?: boolean;
  mine: boolean;
}

/** What saving a proposal (create, update, submit) replies: enough for the multi-step form to go on. */
export interface SavedProposal {
  id: string;
  roundId: string;
  status: ShownStatus;
  statusLabel: string;
  budget: number;
  /** What the proposal still lacks before it can be submitted (empty: ready). */
  missing: FieldIssue[];
  /** The content check asked for a human look: only the author and admins see it until accepted. */
  heldForReview: boolean;
}

/** A screening step as the proposer and admins see it. */
export interface ScreeningView {
  decision: 'accept' | 'reject' | 'request_changes' | 'resubmit';
  note: string;
  at: string;
}

/** A proposal in full. */
export interface ProposalDetail extends ProposalCard {
  details: string;
  budgetLines: { item: string; amount: number }[];
  beneficiaries?: { who: string; count: number };
  /** Names masked (张*) for everyone but the author and admins. */
  coProposers: string[];
  photos: string[];
  /** Screening history: the author and admins see all; others only a rejection's reason. */
  screening: ScreeningView[];
  withdrawReason?: string;
  can: {
    edit: boolean;
    submit: boolean;
    withdraw: boolean;
    delete: boolean;
    screen: boolean;
    report: boolean;
  };
  vote: { canVote: boolean; block?: string; voted: boolean; ballot: BallotView | null };
  result?: ResultEntryView;
  account?: ProjectSumsView & { completed: boolean };
  /** A funded project's abandon/reduce requests: whether the author may ask, the latest request, what returned. */
  change?: {
    canRequest: boolean;
    canDecide: boolean;
    abandoned: boolean;
    returned: number;
    latest?: ChangeView;
  };
  round: RoundCard;
}

/** One line of a round's results. */
export interface ResultEntryView {
  proposalId: string;
  title: string;
  votes: number;
  budget: number;
  position: number;
  rank: number;
  tied: boolean;
  /** Known once published (admins see the draft). */
  funded?: boolean;
  basis?: AwardBasis;
  reason?: string;
}

/** A round's results. */
export interface ResultsView {
  computedAt: string;
  published: boolean;
  publishedAt?: string;
  totalBudget: number;
  budgetUsed?: number;
  voters: number;
  entries: ResultEntryView[];
  tieBreak: TieBreakView;
  awardRule: string;
  /** Bars for the chart: votes, as a share of the most-voted (0–100). */
  chart: { proposalId: string; label: string; votes: number; percent: number; funded?: boolean }[];
}

/** A proposal with its round, for 我的提案. */
export interface MyProposalItem extends ProposalCard {
  roundTitle: string;
  roundPhase: Phase;
  roundPhaseLabel: string;
}

/** A project's sums, in yuan for display. */
export interface ProjectSumsView {
  budget: number;
  spent: number;
  left: number;
  overBudget: boolean;
  spentPercent: number;
  progress: number;
  served: number;
  lastReportAt?: string;
}

/** One record of a project's account. */
export type AccountEntryView =
  | {
      kind: 'progress';
      id: string;
      at: string;
      progress: number;
      served: number;
      note: string;
      photos: string[];
    }
  | {
      kind: 'spending';
      id: string;
      at: string;
      item: string;
      amount: number;
      note: string;
      receipts: string[];
    }
  | { kind: 'completed'; id: string; at: string; note: string };

/** An author's request to abandon or reduce a funded project, as the author and admins see it. */
export interface ChangeView {
  id: string;
  proposalId: string;
  title: string;
  kind: 'abandon' | 'reduce';
  /** Words: 终止项目 / 预算缩减为 N 元. */
  label: string;
  budget: number;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  statusLabel: string;
  note?: string;
  /** Yuan returned to the round (approved). */
  returned?: number;
}

/** The public account of a round (and, when asked, one project's timeline). */
export interface AccountabilityView {
  round: RoundCard;
  sums: {
    totalBudget: number;
    awarded: number;
    spent: number;
    served: number;
    projects: number;
    completed: number;
    /** Yuan given back to the round by abandoned or reduced projects. */
    returned: number;
  };
  projects: (ProjectSumsView & {
    proposalId: string;
    title: string;
    authorName: string;
    completed: boolean;
    abandoned: boolean;
    /** Yuan this project gave back. */
    returned: number;
    completedAt?: string;
  })[];
  /** Present when a proposalId was given. */
  timeline?: AccountEntryView[];
  /** Whether the caller may add records to the asked project / confirm it. */
  canReport: boolean;
  canConfirm: boolean;
}

/** Phase and status types, for the pages. */
export type { Phase, ShownStatus, StatusFilter, VoteMode };
