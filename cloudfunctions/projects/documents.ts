/**
 * The projects function's collections and documents (pure types; store.ts reads and writes them): the street
 * office's purchased services (政府购买服务 / 公益创投) from the qualified pool through calls, bids, review and
 * award to three-party contracts, their tracking, evaluation, payment and the organizations' credit.
 *
 * Money is in fen (integers); times are Dates; ids of people are user ids. Nothing that was scored, signed or
 * released is edited in place: a correction is a new record naming who and why (`supersedes`).
 */

/** Collection names. */
export const POOL = 'project_pool';
export const CALLS = 'project_calls';
export const BIDS = 'project_bids';
export const SCORES = 'project_scores';
export const COMPLAINTS = 'project_complaints';
export const CONTRACTS = 'project_contracts';
export const PROGRESS_REPORTS = 'project_reports';
export const VISITS = 'project_visits';
export const EVALUATIONS = 'project_evaluations';
export const SPENDING = 'project_spending';
export const CREDIT_EVENTS = 'project_credit_events';
export const SUMMARIES = 'project_summaries';
export const TALLIES = 'project_tallies';

/** Who did something, with the name they had at the time (histories read without another lookup). */
export interface ProjectActor {
  /** User id, or `system` for timers. */
  id: string;
  name: string;
}

/** One line of an append-only history. */
export interface ProjectEvent {
  kind: string;
  by: ProjectActor;
  at: Date;
  reason?: string;
}

/** Where an organization stands in a street's qualified pool (备选库). */
export type PoolStatus = 'applied' | 'admitted' | 'rejected' | 'suspended' | 'removed';

/**
 * An organization's entry in a street's qualified pool, one per (street, organization): `_id` is
 * `${streetId}:${orgId}`. Only `admitted` entries may bid. `credit` is the organization's current credit value
 * (信用值, 0–100), written by the credit rules; below the street's threshold the entry is suspended or removed,
 * with the reason in `history`.
 */
export interface PoolEntryDoc {
  _id: string;
  orgId: string;
  orgName: string;
  streetId: string;
  /** [districtId, streetId]: whose admins assess it. */
  scopePath: string[];
  status: PoolStatus;
  application: {
    /** 统一社会信用代码. */
    registrationNo: string;
    foundedYear: number;
    fields: string[];
    contactName: string;
    contactPhone: string;
    documents: { name: string; fileId: string }[];
    submittedAt: Date;
  };
  /** The assessment against the street's checklist (the last one; earlier ones are in history). */
  checklist: { key: string; label: string; passed: boolean; note?: string }[];
  credit: number;
  history: ProjectEvent[];
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Where an indicator's progress comes from. Every kind but `report` is counted from records the system already
 * holds, over the contract's communities and period (and the provider organization where the record names one).
 */
export type IndicatorSource =
  | { kind: 'services.ordersCompleted'; categories?: string[] }
  | { kind: 'services.satisfaction' }
  | { kind: 'volunteering.recruits' }
  | { kind: 'volunteering.hours' }
  | { kind: 'charity.donationsDelivered' }
  | { kind: 'proposals.funded' }
  /** No source in the system: the provider reports it monthly, with attachments. */
  | { kind: 'report' };

/** A contract indicator: "80 volunteer recruitments", "satisfaction ≥ 90 %". */
export interface Indicator {
  key: string;
  label: string;
  kind: 'quantity' | 'quality';
  source: IndicatorSource;
  /** Target value in `unit` (quality targets as a percentage 0–100). */
  target: number;
  unit: string;
}

/** When a payment tranche may be released. */
export type TrancheCondition =
  { kind: 'signed' } | { kind: 'evaluation'; stage: 'mid' | 'final'; minGrade: Grade };

/** Evaluation grades, best first. */
export type Grade = '优秀' | '良好' | '合格' | '不合格';

/** A payment tranche: "30 % on signing", "40 % at mid-term ≥ 合格". */
export interface Tranche {
  key: string;
  label: string;
  percent: number;
  amountFen: number;
  condition: TrancheCondition;
  /** Set once, by one conditional update (two admins releasing the same tranche → one release). */
  released?: { by: ProjectActor; at: Date };
}

/** A milestone of the contract's plan. */
export interface Milestone {
  key: string;
  label: string;
  due: Date;
}

/** The three parties of a contract. */
export type ContractParty = 'buyer' | 'provider' | 'supervisor';

/**
 * A three-party contract made from an award (buyer: the street or community service centre; provider: the
 * organization; supervisor: e.g. 区委群工委, named people who record site visits). Created by the award in status
 * `signing`; `active` once every party has signed; its terms never change after a signature: an amendment
 * (补充协议) is a new record in `project_amendments`, and the terms in force are this document with the amendments
 * all three parties signed applied in order (domain/amendments `currentTerms`).
 */
export interface ContractDoc {
  _id: string;
  callId: string;
  bidId: string;
  title: string;
  category: string;
  orgId: string;
  orgName: string;
  streetId: string;
  /** [districtId, streetId]: whose admins manage it. */
  scopePath: string[];
  /** Where the service is delivered (what tracking counts over). */
  communityIds: string[];
  communityNames: string[];
  parties: {
    buyer: { name: string };
    provider: { orgId: string; name: string };
    supervisor: { name: string; userIds: string[] };
  };
  amountFen: number;
  /** Budget lines from the bid (what the financial review checks spending against). */
  budgetLines: { key: string; label: string; amountFen: number }[];
  period: { from: Date; to: Date };
  indicators: Indicator[];
  milestones: Milestone[];
  tranches: Tranche[];
  signatures: { party: ContractParty; by: ProjectActor; at: Date }[];
  status: 'signing' | 'active' | 'completed' | 'terminated';
  supersedes?: string;
  history: ProjectEvent[];
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

// ——— Added by the first half (pool, calls, bids, review, award) ———

/** Each street's settings for the capability (the pool checklist), `_id` = street id. */
export const SETTINGS = 'project_settings';

/** The demand list of the services capability (需求征集), read to build a call; written only by services. */
export const SERVICE_DEMANDS = 'service_demands';

/** The fields of a services demand line a call is built from (the services function owns the document). */
export interface DemandLineRef {
  _id: string;
  communityId: string;
  communityName: string;
  placePath: string[];
  category: string;
  count: number;
  status: 'open' | 'adopted';
}

/** One item of a pool assessment checklist. */
export interface ChecklistItem {
  key: string;
  label: string;
}

/** A street's settings: the checklist its pool applications are assessed against. */
export interface ProjectSettingsDoc {
  _id: string;
  checklist: ChecklistItem[];
  updatedBy: ProjectActor;
  updatedAt: Date;
}

/** Kinds of call: a 公益创投 round (several awards within the ceiling) or a single purchase (one award). */
export type CallKind = 'venture' | 'purchase';

/**
 * Where a call stands: `open` for bids until `bidDeadline`; `reviewing` after prequalification; `awarded` once the
 * award and every score are published (the complaint window runs); `contracted` once its contracts are made.
 */
export type CallStatus = 'open' | 'reviewing' | 'awarded' | 'contracted';

/** An indicator the call asks for; each bid proposes its target (at least `minTarget`). */
export interface IndicatorTemplate {
  key: string;
  label: string;
  kind: 'quantity' | 'quality';
  source: IndicatorSource;
  unit: string;
  minTarget: number;
}

/** A payment term of the call (tranche amounts are made from the awarded bid's total). */
export interface PaymentTerm {
  key: string;
  label: string;
  percent: number;
  condition: TrancheCondition;
}

/** A weighted criterion of the call's score sheet (weights add up to 100; scores 0–`max`). */
export interface Criterion {
  key: string;
  label: string;
  weight: number;
  max: number;
}

/** A reviewer appointed to a call, and their declaration of conflicts (organization ids) once made. */
export interface CallReviewer {
  userId: string;
  name: string;
}

/** The prequalification of one bid (资格预审), with the code a blind call shows reviewers. */
export interface Prequalification {
  bidId: string;
  orgId: string;
  passed: boolean;
  reason: string;
  /** 方案一, 方案二… in the order of qualification. */
  code: string;
}

/** One line of the published ranking. */
export interface RankedBid {
  bidId: string;
  orgId: string;
  orgName: string;
  code: string;
  totalFen: number;
  /** The aggregate score (0–100, two decimals), null when nobody scored it. */
  score: number | null;
  scores: number;
  rank: number;
  awarded: boolean;
  /** Why it was not awarded (below the pass mark, over the ceiling), if so. */
  note: string;
}

/** A call (项目发布): what the street buys, how bids are scored and paid. */
export interface CallDoc {
  _id: string;
  streetId: string;
  streetName: string;
  /** [districtId, streetId]: whose admins manage it. */
  scopePath: string[];
  kind: CallKind;
  title: string;
  category: string;
  description: string;
  targetGroups: string[];
  communityIds: string[];
  communityNames: string[];
  /** The demand lines (services 需求征集) it was built from. */
  demandIds: string[];
  demandCount: number;
  budgetCeilingFen: number;
  period: { from: Date; to: Date };
  indicatorTemplates: IndicatorTemplate[];
  paymentTerms: PaymentTerm[];
  bidDeadline: Date;
  complaintDays: number;
  scoreSheet: Criterion[];
  /** The aggregate a bid needs to be awarded. */
  passScore: number;
  blind: boolean;
  reviewers: CallReviewer[];
  reviewerIds: string[];
  /** Conflicts each reviewer declared (organization ids), by reviewer id; present once they declared. */
  conflicts: Record<string, { orgIds: string[]; at: Date }>;
  supervisor: { name: string; userIds: string[] };
  status: CallStatus;
  prequalification: Prequalification[];
  result?: { ranking: RankedBid[]; awardedAt: Date; complaintUntil: Date; by: ProjectActor };
  contractIds: string[];
  history: ProjectEvent[];
  rev: number;
  createdBy: ProjectActor;
  createdAt: Date;
  updatedAt: Date;
}

/** A bid: one per (call, organization), `_id` derived from both (domain/ids.ts); a draft until submitted. */
export interface BidDoc {
  _id: string;
  callId: string;
  streetId: string;
  scopePath: string[];
  orgId: string;
  orgName: string;
  status: 'draft' | 'submitted';
  plan: string;
  budgetLines: { key: string; label: string; amountFen: number }[];
  totalFen: number;
  targets: { key: string; target: number }[];
  team: { name: string; role: string; qualification: string }[];
  submittedAt?: Date;
  history: ProjectEvent[];
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One reviewer's score of one bid. Never edited: a correction is a new record naming the one it `supersedes` and
 * why; `_id` is derived from (bid, reviewer, n) with n = 1, 2, … (domain/ids.ts), so two corrections of one
 * score cannot both land.
 */
export interface ScoreDoc {
  _id: string;
  callId: string;
  bidId: string;
  reviewerId: string;
  reviewerName: string;
  n: number;
  criteria: { key: string; score: number; comment: string }[];
  /** The weighted total, 0–100. */
  total: number;
  supersedes?: string;
  reason?: string;
  createdAt: Date;
}

/** A complaint against an award (投诉复核), answered by the street before contracts are made. */
export interface ComplaintDoc {
  _id: string;
  callId: string;
  streetId: string;
  scopePath: string[];
  orgId: string;
  orgName: string;
  text: string;
  by: ProjectActor;
  status: 'open' | 'answered';
  answer?: { text: string; upheld: boolean; by: ProjectActor; at: Date };
  createdAt: Date;
}

// ——— Tracking, evaluation, payment and credit (the contract's life after the award) ———

/** A monthly report by the provider, for indicators with source `report`; one per contract and month. */
export interface ProgressReportDoc {
  /** `${contractId}:${month}`: a second report of the month meets the primary key. */
  _id: string;
  /** The client's idempotency key of the create (a replay is answered from the stored document). */
  key: string;
  contractId: string;
  orgId: string;
  streetId: string;
  /** Beijing month, `2026-11`. */
  month: string;
  values: { indicatorKey: string; value: number }[];
  note: string;
  attachments: string[];
  by: ProjectActor;
  at: Date;
}

/** One line of the 日常监管评分表 as scored on a visit. */
export interface SheetScore {
  key: string;
  score: number;
}

/** A supervisor's site visit (定点): where, photos and the daily supervision sheet. */
export interface VisitDoc {
  _id: string;
  /** The client's idempotency key of the create (a replay is answered from the stored document). */
  key: string;
  contractId: string;
  orgId: string;
  streetId: string;
  location: { latitude: number; longitude: number };
  photos: string[];
  sheet: SheetScore[];
  /** Sum of the sheet (0–100). */
  total: number;
  note: string;
  by: ProjectActor;
  at: Date;
}

/** A spending record (receipts) against one budget line, for the financial review. */
export interface SpendingDoc {
  _id: string;
  /** The client's idempotency key of the create (a replay is answered from the stored document). */
  key: string;
  contractId: string;
  orgId: string;
  streetId: string;
  lineKey: string;
  amountFen: number;
  note: string;
  receipts: string[];
  by: ProjectActor;
  at: Date;
}

/** The three sheets an evaluation combines, each 0–100. */
export interface EvaluationSheets {
  expert: number;
  supervision: number;
  financial: number;
}

/**
 * A mid-term or final evaluation (评估): the three sheets, the weights they were combined with, the total and
 * grade. Never edited: a correction (e.g. after an appeal) is a new evaluation with `supersedes`; the appeal is
 * set once, by a conditional update, within the window.
 */
export interface EvaluationDoc {
  _id: string;
  /** The client's idempotency key of the create (a replay is answered from the stored document). */
  key: string;
  contractId: string;
  orgId: string;
  streetId: string;
  stage: 'mid' | 'final';
  sheets: EvaluationSheets;
  weights: EvaluationSheets;
  total: number;
  grade: Grade;
  comment: string;
  /** The expert and financial sheets line by line, when entered so (each with its comment). */
  criteria?: {
    sheet: 'expert' | 'financial';
    key: string;
    label: string;
    max: number;
    score: number;
    comment: string;
  }[];
  /** What the financial review checked: spent per budget line. */
  spending: { lineKey: string; label: string; budgetFen: number; spentFen: number }[];
  appealBy: Date;
  appeal?: { reason: string; by: ProjectActor; at: Date };
  supersedes?: string;
  /** Set on the evaluation a later one replaced (by that one's creation). */
  supersededBy?: string;
  by: ProjectActor;
  at: Date;
}

/** The inputs of an organization's credit value (信用值), as counted at one time. */
export interface CreditInputs {
  /** Current evaluation totals (0–100) of the organization's contracts in the street. */
  evaluationTotals: number[];
  /** Monthly reports due so far (contracts with `report` indicators), and how many came by the 10th of the next month. */
  reportsDue: number;
  reportsOnTime: number;
  /** Attainment (0–1, capped) of each indicator of its active contracts, pro rata to the time elapsed. */
  attainments: number[];
  /** Callback ratings (1–5) of its orders. */
  ratings: number[];
  complaints: number;
  declinedOrders: number;
}

/** One change of an organization's credit, with the records that caused it. */
export interface CreditEventDoc {
  /** `${streetId}:${orgId}:${n}`: n counts the organization's changes in the street (two writers, one lands). */
  _id: string;
  streetId: string;
  orgId: string;
  orgName: string;
  n: number;
  value: number;
  previous: number;
  inputs: CreditInputs;
  /** The records behind the inputs (evaluations, complaints, declined orders, contracts). */
  causes: { kind: string; id: string; label: string }[];
  /** Set when this change suspended the organization's pool entry. */
  suspended?: boolean;
  at: Date;
}

/** The street's dashboard, precomputed by the `refresh` timer (reads are one round trip). */
export interface SummaryDoc {
  /** The street id. */
  _id: string;
  streetId: string;
  computedAt: Date;
  /** domain/dashboard `Dashboard`. */
  dashboard: unknown;
}

/** The street's big screen (大屏): the hash of its read-only token; rotating replaces it (the old one stops). */
export const SCREENS = 'project_screens';

/** One street's screen token (never stored in clear: the admin sees it once, in the link). */
export interface ScreenDoc {
  /** The street id. */
  _id: string;
  streetName: string;
  /** sha256 of the token, hex. */
  tokenHash: string;
  createdBy: ProjectActor;
  createdAt: Date;
  expiresAt: Date;
}

// ——— Amendments (补充协议): a signed contract changed only by a new record all three parties sign ———

export const AMENDMENTS = 'project_amendments';

/** What an amendment changes; each part replaces that part of the terms in force. */
export interface AmendmentChanges {
  /** New targets of some indicators (by key). */
  targets?: { key: string; target: number }[];
  /** New due dates of some milestones (mid-term, final evaluation…), by key. */
  milestones?: { key: string; due: Date }[];
  /** The budget lines re-allocated (every line, same total as the contract amount). */
  budgetLines?: { key: string; label: string; amountFen: number }[];
  /** A new end of the service period (续签: the period extended, at most a year past the current end). */
  periodTo?: Date;
}

/**
 * An amendment of a contract (补充协议), never edited but for its signatures: `_id` is `${contractId}:amendment:${n}`
 * (n = 1, 2, …; two proposals racing meet the primary key), the proposer's party signs on proposing, and it takes
 * effect (status `effective`) when buyer, provider and supervisor have all signed — by one conditional update,
 * whichever signer comes last. `before` holds the terms it replaced, as they stood when it was proposed.
 */
export interface AmendmentDoc {
  _id: string;
  /** The client's idempotency key of the create (a replay is answered from the stored document). */
  key: string;
  contractId: string;
  orgId: string;
  streetId: string;
  scopePath: string[];
  n: number;
  reason: string;
  changes: AmendmentChanges;
  before: AmendmentChanges;
  proposedBy: { party: ContractParty; by: ProjectActor };
  signatures: { party: ContractParty; by: ProjectActor; at: Date }[];
  status: 'signing' | 'effective';
  effectiveAt?: Date;
  createdAt: Date;
}

/**
 * The refresh timer's copy of a street's delivery records (steps/tallies): what tracking reads of each record, kept
 * up to date from a cursor per source instead of re-read every run. A `page` holds up to a few thousand rows of one
 * source (`<street>:<source>:<n>`); the `state` document (`<street>`) holds the cursors and the scope they were
 * read over. Volunteers appear only as a one-way code (counting people needs no identity).
 */
export interface TallyPageDoc {
  _id: string;
  kind: 'page';
  streetId: string;
  source: string;
  n: number;
  /** The rows, packed as one string (domain/tally packRows). */
  rows: string;
}

/** Where each source's reading stands: the last record read per change field (time, then id). */
export interface TallyStateDoc {
  _id: string;
  kind: 'state';
  streetId: string;
  /** The street's contracts' scope the rows were read over; another scope starts the copy afresh. */
  scope: string;
  cursors: Record<string, { at: Date; id: string }>;
  /** Every source read up to the lag the last run: the copy is whole. */
  caughtUp: boolean;
  updatedAt: Date;
}
