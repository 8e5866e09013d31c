/**
 * The `projects` function's contract (政府购买服务 / 公益创投): limits as data, one strict zod schema per action and
 * the shapes of the replies. The mini program imports the types only. Each half of the capability keeps its own
 * inputs object (`poolInputs`, `callInputs`, `reviewInputs` here); `projectsInputs` joins them, so the second half
 * adds its object to that spread and its names join `ProjectsAction` by themselves.
 */
import * as z from 'zod';
import { PROJECTS_LIMITS, PROJECTS_TRACKING_LIMITS } from '../../miniprogram/shared/limits';
import { fileId, id, idempotencyKey, line, location, page, phone, text } from '../common/schemas';
import type { Page } from '../common/schemas';
import type { CallKind, CallStatus, Grade, IndicatorSource, PoolStatus, TrancheCondition } from './documents';

export { PROJECTS_LIMITS };
const L = PROJECTS_LIMITS;

/** Where pages upload pool documents (`projects/<user id>/…`, common/uploads). */
export const UPLOAD_FOLDER = L.uploadFolder;

/** Evaluation grades, best first. */
export const GRADES = ['优秀', '良好', '合格', '不合格'] as const satisfies readonly Grade[];

const key = z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, '编号有误');
const fen = z.number().int().min(0).max(L.budgetMaxFen);
const dateKey = z.iso.date();
const unique = <T>(arr: T[], k: (t: T) => string) => new Set(arr.map(k)).size === arr.length;

const source = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('services.ordersCompleted'),
    categories: z.array(line(L.categoryMax)).max(8).optional(),
  }),
  z.strictObject({ kind: z.literal('services.satisfaction') }),
  z.strictObject({ kind: z.literal('volunteering.recruits') }),
  z.strictObject({ kind: z.literal('volunteering.hours') }),
  z.strictObject({ kind: z.literal('charity.donationsDelivered') }),
  z.strictObject({ kind: z.literal('proposals.funded') }),
  z.strictObject({ kind: z.literal('report') }),
]) satisfies z.ZodType<IndicatorSource>;

const condition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('signed') }),
  z.strictObject({
    kind: z.literal('evaluation'),
    stage: z.enum(['mid', 'final']),
    minGrade: z.enum(GRADES),
  }),
]) satisfies z.ZodType<TrancheCondition>;

const indicatorTemplate = z.strictObject({
  key,
  label: line(L.indicatorLabelMax),
  kind: z.enum(['quantity', 'quality']),
  source,
  unit: line(L.unitMax),
  minTarget: z.number().min(0).max(1_000_000),
});

const paymentTerm = z.strictObject({
  key,
  label: line(L.indicatorLabelMax),
  percent: z.number().int().min(1).max(100),
  condition,
});

const criterion = z.strictObject({
  key,
  label: line(L.criterionLabelMax),
  weight: z.number().int().min(1).max(100),
  max: z.number().int().min(1).max(L.criterionMaxMax),
});

/** The qualified pool (备选库). */
export const poolInputs = {
  applyToPool: z.strictObject({
    streetId: id,
    orgId: id,
    registrationNo: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码是 18 位数字或大写字母'),
    foundedYear: z.number().int().min(1949).max(2100),
    fields: z.array(line(L.fieldMax)).min(1).max(L.fieldsMax),
    contactName: line(L.contactNameMax),
    contactPhone: phone,
    documents: z
      .array(z.strictObject({ name: line(L.documentNameMax), fileId }))
      .min(1)
      .max(L.documentsMax),
  }),
  myPool: z.strictObject({}),
  poolEntries: page.extend({
    /** Default: the first street the caller administers. */
    streetId: id.optional(),
    status: z.enum(['applied', 'admitted', 'rejected', 'suspended', 'removed']).optional(),
  }),
  poolChecklist: z.strictObject({ streetId: id.optional() }),
  setPoolChecklist: z.strictObject({
    streetId: id,
    items: z
      .array(z.strictObject({ key, label: line(L.checklistLabelMax) }))
      .min(1)
      .max(L.checklistMax)
      .refine((xs) => unique(xs, (x) => x.key), '检查项重复了'),
  }),
  assessPool: z
    .strictObject({
      entryId: id,
      checklist: z
        .array(z.strictObject({ key, passed: z.boolean(), note: line(L.noteMax, 0).default('') }))
        .max(L.checklistMax),
      admit: z.boolean(),
      reason: line(L.reasonMax, 0).default(''),
    })
    .refine((a) => a.admit || a.reason.length >= 2, { message: '不通过时请写明原因', path: ['reason'] }),
};

/** Calls (项目发布) and bids (项目申报). */
export const callInputs = {
  demandList: z.strictObject({ streetId: id.optional() }),
  callForm: z.strictObject({ streetId: id.optional() }),
  publishCall: z
    .strictObject({
      streetId: id,
      kind: z.enum(['venture', 'purchase']),
      title: line(L.titleMax, 2),
      category: line(L.categoryMax),
      description: text(L.descriptionMax).default(''),
      targetGroups: z.array(line(L.targetGroupMax)).min(1).max(L.targetGroupsMax),
      communityIds: z.array(id).min(1).max(L.communitiesMax),
      demandIds: z.array(id).max(L.demandsMax).default([]),
      budgetCeilingFen: fen.min(100),
      periodFrom: dateKey,
      periodTo: dateKey,
      indicatorTemplates: z.array(indicatorTemplate).min(1).max(L.indicatorsMax),
      paymentTerms: z.array(paymentTerm).min(1).max(L.termsMax),
      bidDeadline: dateKey,
      complaintDays: z.number().int().min(1).max(L.complaintDaysMax).default(L.complaintDaysDefault),
      scoreSheet: z.array(criterion).min(1).max(L.criteriaMax),
      passScore: z.number().int().min(0).max(100).default(L.passScoreDefault),
      blind: z.boolean(),
      reviewerIds: z.array(id).min(1).max(L.reviewersMax),
      supervisor: z.strictObject({
        name: line(L.supervisorNameMax),
        userIds: z.array(id).max(L.supervisorsMax).default([]),
      }),
      idempotencyKey,
    })
    .refine((c) => c.periodFrom < c.periodTo, { message: '结束日期要晚于开始日期', path: ['periodTo'] })
    .refine((c) => c.bidDeadline < c.periodFrom, { message: '截止日期要早于服务开始', path: ['bidDeadline'] })
    .refine((c) => c.paymentTerms.reduce((s, t) => s + t.percent, 0) === 100, {
      message: '各期付款比例加起来要等于 100%',
      path: ['paymentTerms'],
    })
    .refine((c) => c.scoreSheet.reduce((s, t) => s + t.weight, 0) === 100, {
      message: '评分项权重加起来要等于 100',
      path: ['scoreSheet'],
    })
    .refine(
      (c) =>
        unique(c.indicatorTemplates, (x) => x.key) &&
        unique(c.paymentTerms, (x) => x.key) &&
        unique(c.scoreSheet, (x) => x.key) &&
        unique(c.reviewerIds, (x) => x),
      '编号或评审人重复了',
    ),
  listCalls: page.extend({
    streetId: id.optional(),
    view: z.enum(['admin', 'open']).default('open'),
  }),
  callDetail: z.strictObject({ callId: id }),
  saveBid: z
    .strictObject({
      callId: id,
      orgId: id,
      plan: text(L.planMax, 0),
      budgetLines: z
        .array(z.strictObject({ label: line(L.budgetLabelMax), amountFen: fen.min(1) }))
        .max(L.budgetLinesMax),
      targets: z
        .array(z.strictObject({ key, target: z.number().min(0).max(1_000_000) }))
        .max(L.indicatorsMax),
      team: z
        .array(
          z.strictObject({
            name: line(L.teamNameMax),
            role: line(L.teamRoleMax),
            qualification: line(L.qualificationMax, 0).default(''),
          }),
        )
        .max(L.teamMax),
      submit: z.boolean(),
    })
    .refine((b) => unique(b.targets, (t) => t.key), { message: '指标重复了', path: ['targets'] }),
  myBids: z.strictObject({}),
  /** By the bid's id, or (the organization's own bid editor) by call and organization. */
  bidDetail: z
    .strictObject({ bidId: id.optional(), callId: id.optional(), orgId: id.optional() })
    .refine((b) => !!b.bidId || (!!b.callId && !!b.orgId), '请说明是哪一份申报'),
  prequalify: z.strictObject({
    callId: id,
    decisions: z
      .array(z.strictObject({ bidId: id, passed: z.boolean(), reason: line(L.reasonMax, 0).default('') }))
      .max(100)
      .refine((ds) => unique(ds, (d) => d.bidId), '同一份申报只能判一次')
      .refine((ds) => ds.every((d) => d.passed || d.reason.length >= 2), '不通过时请写明原因'),
  }),
};

/** Review (评审), award (公示) and complaints (投诉复核) up to the contracts. */
export const reviewInputs = {
  myReviews: z.strictObject({}),
  reviewSheet: z.strictObject({ callId: id }),
  declareConflicts: z.strictObject({ callId: id, orgIds: z.array(id).max(100) }),
  scoreBid: z
    .strictObject({
      bidId: id,
      criteria: z
        .array(
          z.strictObject({
            key,
            score: z.number().int().min(0).max(L.criterionMaxMax),
            comment: line(L.commentMax, 2),
          }),
        )
        .min(1)
        .max(L.criteriaMax),
      /** Set when correcting one's own earlier score (a new record, superseding). */
      corrects: id.optional(),
      reason: line(L.reasonMax, 0).default(''),
    })
    .refine((s) => !s.corrects || s.reason.length >= 2, { message: '更正评分请写明原因', path: ['reason'] }),
  award: z.strictObject({ callId: id }),
  fileComplaint: z.strictObject({ callId: id, orgId: id, text: text(L.complaintMax, 10) }),
  answerComplaint: z.strictObject({
    complaintId: id,
    upheld: z.boolean(),
    answer: text(L.answerMax, 5),
  }),
  makeContracts: z.strictObject({ callId: id }),
};

// ——— Contracts after the award: signing, tracking, evaluation, payment, credit, dashboard ———

/** Limits of the contract side (miniprogram/shared/limits.ts, shared with the pages' forms). */
export { PROJECTS_TRACKING_LIMITS };
const T = PROJECTS_TRACKING_LIMITS;

/** Where pages upload report attachments, visit photos and receipts: `projects/<user id>/…` (common/uploads). */
export const PROJECT_FILES_FOLDER = T.filesFolder;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份有误');
const score = z.number().min(0).max(100);

/** Inputs of the contract side, by action. */
export const contractSchemas = {
  /** Buyer, provider or supervisor signs (the party from the caller's role; `party` when they hold several). */
  signContract: z.strictObject({
    contractId: id,
    party: z.enum(['buyer', 'provider', 'supervisor']).optional(),
  }),
  contractList: z.strictObject({ ...page.shape }),
  contractDetail: z.strictObject({ contractId: id }),
  indicatorRecords: z.strictObject({ contractId: id, indicatorKey: id, ...page.shape }),
  submitReport: z.strictObject({
    contractId: id,
    month,
    values: z
      .array(z.strictObject({ indicatorKey: id, value: z.number().min(0).max(T.reportValueMax) }))
      .min(1)
      .max(T.indicatorsMax),
    note: text(T.noteMax),
    attachments: z.array(fileId).max(T.filesMax).default([]),
    idempotencyKey,
  }),
  recordVisit: z.strictObject({
    contractId: id,
    location,
    photos: z.array(fileId).min(1).max(T.filesMax),
    sheet: z
      .array(z.strictObject({ key: id, score: z.number().int().min(0).max(100) }))
      .min(1)
      .max(10),
    note: text(T.noteMax),
    idempotencyKey,
  }),
  recordSpending: z.strictObject({
    contractId: id,
    lineKey: id,
    amountFen: z.number().int().min(1).max(T.amountFenMax),
    note: text(T.noteMax).pipe(z.string().min(1, '请写明用途')),
    receipts: z.array(fileId).min(1).max(T.filesMax),
    idempotencyKey,
  }),
  /** Mid-term or final evaluation; `supervision` defaults to the mean of the visits' sheets. */
  evaluate: z.strictObject({
    contractId: id,
    stage: z.enum(['mid', 'final']),
    expert: score,
    supervision: score.optional(),
    financial: score,
    comment: text(T.noteMax),
    /** The evaluation this one corrects (after an appeal). */
    supersedes: id.optional(),
    /**
     * The expert and financial sheets line by line (shared/choices PROJECT_EVALUATION_SHEETS), each with a comment;
     * a sheet entered so must add up to its score above.
     */
    criteria: z
      .array(
        z.strictObject({
          sheet: z.enum(['expert', 'financial']),
          key,
          score: z.number().int().min(0).max(100),
          comment: line(L.commentMax, 0).default(''),
        }),
      )
      .max(20)
      .optional(),
    idempotencyKey,
  }),
  appealEvaluation: z.strictObject({
    evaluationId: id,
    reason: text(T.noteMax).pipe(z.string().min(5, '请写明申诉理由')),
  }),
  releaseTranche: z.strictObject({ contractId: id, trancheKey: id }),
  orgCredit: z.strictObject({ orgId: id, streetId: id, ...page.shape }),
  dashboard: z.strictObject({ streetId: id.optional() }),
  /** A new read-only big-screen token for the street (the old one stops working). */
  screenToken: z.strictObject({ streetId: id.optional() }),
};

/** The contract side's action names. */
export type ContractAction = keyof typeof contractSchemas;

/** Amendments (补充协议) of a signed contract: proposed by one party, in force once all three signed. */
export const amendmentInputs = {
  /**
   * Changes to the terms in force, with why: indicator targets, milestone dates, the budget lines re-allocated
   * (every line, the same total) or the period extended (续签, at most a year). The proposer signs as its party.
   */
  proposeAmendment: z
    .strictObject({
      contractId: id,
      party: z.enum(['buyer', 'provider', 'supervisor']).optional(),
      reason: text(T.noteMax).pipe(z.string().min(5, '请写明变更的原因（至少 5 个字）')),
      targets: z
        .array(z.strictObject({ key: id, target: z.number().min(0).max(T.reportValueMax) }))
        .max(T.indicatorsMax)
        .default([]),
      milestones: z
        .array(z.strictObject({ key: id, due: dateKey }))
        .max(T.indicatorsMax)
        .default([]),
      budgetLines: z
        .array(
          z.strictObject({
            key: id.optional(),
            label: line(L.budgetLabelMax),
            amountFen: z.number().int().min(0).max(L.budgetMaxFen),
          }),
        )
        .min(1)
        .max(L.budgetLinesMax)
        .optional(),
      periodTo: dateKey.optional(),
      idempotencyKey,
    })
    .refine((a) => unique(a.targets, (t) => t.key), { message: '指标重复了', path: ['targets'] })
    .refine((a) => unique(a.milestones, (m) => m.key), { message: '节点重复了', path: ['milestones'] })
    .refine((a) => a.targets.length > 0 || a.milestones.length > 0 || !!a.budgetLines || !!a.periodTo, {
      message: '请说明要变更什么',
      path: ['targets'],
    }),
  /** A party signs an amendment (the party from the caller's roles; `party` when they hold several). */
  signAmendment: z.strictObject({
    amendmentId: id,
    party: z.enum(['buyer', 'provider', 'supervisor']).optional(),
  }),
};

/** The amendments' action names. */
export type AmendmentAction = keyof typeof amendmentInputs;

/** Inputs by action (both halves). */
export const projectsInputs = {
  ...poolInputs,
  ...callInputs,
  ...reviewInputs,
  ...contractSchemas,
  ...amendmentInputs,
};

/** The actions' names. */
export type ProjectsAction = keyof typeof projectsInputs;

/** A pool entry as the street admin and the organization see it. */
export interface PoolEntryView {
  id: string;
  orgId: string;
  orgName: string;
  streetId: string;
  streetName: string;
  status: PoolStatus;
  statusText: string;
  registrationNo: string;
  foundedYear: number;
  fields: string[];
  contactName: string;
  contactPhone: string;
  documents: { name: string; fileId: string }[];
  checklist: { key: string; label: string; passed: boolean; note: string }[];
  credit: number;
  submittedText: string;
  history: { text: string; when: string; reason: string }[];
}

/** What the organization's staff see of the pool: their entries and the streets they may apply to. */
export interface MyPool {
  orgs: { id: string; name: string }[];
  entries: PoolEntryView[];
  streets: { id: string; name: string }[];
}

/** A street's checklist. */
export interface ChecklistView {
  streetId: string;
  items: { key: string; label: string }[];
  isDefault: boolean;
}

/** One line of the street's demand list, to build a call from. */
export interface DemandLineView {
  id: string;
  category: string;
  communityId: string;
  communityName: string;
  count: number;
  adopted: boolean;
}

/** What the call editor needs of the street. */
export interface CallForm {
  streetId: string;
  streetName: string;
  communities: { id: string; name: string }[];
}

/** A call in a list. */
export interface CallListItem {
  id: string;
  title: string;
  kind: CallKind;
  kindText: string;
  category: string;
  streetName: string;
  communityNames: string[];
  budgetText: string;
  status: CallStatus;
  /** 申报中（12月20日截止） / 待资格预审 / 评审中 / 公示中 / 已签约. */
  stageText: string;
  deadlineText: string;
  canBid: boolean;
}

/** A ranked bid as published (or as the admin sees it while reviewing). */
export interface RankedView {
  bidId: string;
  orgName: string;
  code: string;
  totalText: string;
  scoreText: string;
  rank: number;
  awarded: boolean;
  note: string;
  /** Every reviewer's total of the bid, highest first (published with the award; the admin sees it in review). */
  totalsText: string;
}

/** A bid in the admin's list of a call. */
export interface BidRow {
  id: string;
  orgName: string;
  totalText: string;
  submittedText: string;
  prequal: { passed: boolean; reason: string; code: string } | null;
}

/** A complaint as the admin and the org that filed it see it. */
export interface ComplaintView {
  id: string;
  orgName: string;
  text: string;
  whenText: string;
  answered: boolean;
  upheld: boolean;
  answer: string;
}

/** The call's page: what everyone sees, and what the caller's roles add. */
export interface CallDetail extends CallListItem {
  description: string;
  targetGroups: string[];
  periodText: string;
  indicators: { key: string; label: string; unitText: string; minTarget: number; sourceText: string }[];
  paymentTerms: { label: string; percent: number; conditionText: string }[];
  scoreSheet: { key: string; label: string; weight: number; max: number }[];
  passScore: number;
  blind: boolean;
  complaintDays: number;
  complaintUntilText: string;
  tieBreak: string;
  demandCount: number;
  supervisorName: string;
  /** What the caller may do here. */
  roles: { admin: boolean; reviewer: boolean; orgIds: string[] };
  /** Admin: before the deadline only how many bids are in (sealed); after it, the bids. */
  submittedCount: number;
  bids: BidRow[];
  reviewers: { userId: string; name: string; declared: boolean; scored: number; toScore: number }[];
  /** Admin while reviewing; everyone once awarded. */
  ranking: RankedView[];
  complaints: ComplaintView[];
  contractIds: string[];
  canPrequalify: boolean;
  canAward: boolean;
  canMakeContracts: boolean;
  /** Why the award or the contracts cannot be made yet. */
  waitingText: string;
}

/** A bid as its organization, the admin or a reviewer reads it (blind: org hidden from reviewers). */
export interface BidView {
  id: string;
  callId: string;
  callTitle: string;
  orgId: string | null;
  orgName: string;
  code: string;
  status: 'draft' | 'submitted';
  statusText: string;
  plan: string;
  budgetLines: { label: string; amountFen: number; amountText: string }[];
  totalText: string;
  /** Each indicator of the call with the bid's target (null: not given yet, in a draft). */
  targets: { key: string; label: string; target: number | null; unitText: string }[];
  team: { name: string; role: string; qualification: string }[];
  editable: boolean;
  submittedText: string;
}

/** A bid of the org's, with its published result. */
export interface MyBidItem {
  id: string;
  callId: string;
  callTitle: string;
  orgId: string;
  orgName: string;
  status: 'draft' | 'submitted';
  statusText: string;
  totalText: string;
  stageText: string;
  editable: boolean;
  /** After the award: its rank, score and every reviewer's total (names only where not blind). */
  result: {
    rank: number;
    scoreText: string;
    awarded: boolean;
    note: string;
    reviewerTotals: { who: string; total: number; comments: string[] }[];
  } | null;
  canComplain: boolean;
  complaint: ComplaintView | null;
}

/** A call a reviewer was appointed to. */
export interface ReviewItem {
  callId: string;
  title: string;
  streetName: string;
  stageText: string;
  declared: boolean;
  scored: number;
  toScore: number;
}

/** The reviewer's sheet: the declaration first, then the bids they may score (their own scores only). */
export interface ReviewSheet {
  callId: string;
  title: string;
  blind: boolean;
  criteria: { key: string; label: string; weight: number; max: number }[];
  declared: boolean;
  /** Before declaring: the organizations that bid (by name, sorted), to declare conflicts against. */
  organizations: { id: string; name: string }[];
  /** After declaring: the bids not conflicted, coded when blind, with the reviewer's own current score. */
  bids: {
    bidId: string;
    label: string;
    mine: {
      scoreId: string;
      total: number;
      criteria: { key: string; score: number; comment: string }[];
    } | null;
  }[];
  conflictedCount: number;
  canScore: boolean;
}

/** A score as recorded. */
export interface ScoreView {
  id: string;
  bidId: string;
  total: number;
  n: number;
  supersedes: string | null;
}

/** What publishing or awarding replies. */
export interface CallRef {
  id: string;
  title: string;
  status: CallStatus;
}

export type { Page };
