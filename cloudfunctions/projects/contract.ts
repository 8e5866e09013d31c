/**
 * The `projects` function's contract (政府购买服务 / 公益创投): one strict zod schema per action (unknown fields are
 * refused). Two blocks, one per half of the capability: the pool, calls, bids, review and award; and the
 * contract's life after the award (signing, tracking, reports, visits, spending, evaluation, payment, credit,
 * dashboard). The mini program imports the types only.
 */
import { z } from 'zod';
import { PROJECTS_TRACKING_LIMITS } from '../../miniprogram/shared/limits';
import { fileId, id, idempotencyKey, location, page, text } from '../common/schemas';

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
    idempotencyKey,
  }),
  appealEvaluation: z.strictObject({
    evaluationId: id,
    reason: text(T.noteMax).pipe(z.string().min(5, '请写明申诉理由')),
  }),
  releaseTranche: z.strictObject({ contractId: id, trancheKey: id }),
  orgCredit: z.strictObject({ orgId: id, streetId: id, ...page.shape }),
  dashboard: z.strictObject({ streetId: id.optional() }),
};

/** The contract side's action names. */
export type ContractAction = keyof typeof contractSchemas;

/** Inputs by action (the award half adds its block here when the two halves are merged). */
export const projectsInputs = { ...contractSchemas };

/** An action of the projects function. */
export type ProjectsAction = keyof typeof projectsInputs;
