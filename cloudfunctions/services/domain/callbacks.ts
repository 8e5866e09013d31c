/**
 * Callbacks (回访): after completion the resident rates the service (1–5 stars, a comment, whether they want to
 * complain); an admin can fill the survey in by phone for residents who did not answer. Satisfaction and
 * complaint rates per organization are derived from the surveys.
 */
import { SERVICES_LIMITS, type ProviderStat } from '../contract';
import type { OrderDoc, Survey } from '../documents';

/** Ratings that count as satisfied. */
export const SATISFIED_FROM = 4;

/** A survey answer. */
export function survey(
  answer: { rating: number; comment: string; complaint: boolean },
  by: Survey['by'],
  byId: string,
  now: Date,
): Survey {
  return { rating: answer.rating, comment: answer.comment, complaint: answer.complaint, by, byId, at: now };
}

/** Whether an admin should phone about this order: completed a while ago and not answered. */
export function callbackDue(order: Pick<OrderDoc, 'status' | 'survey' | 'completedAt'>, now: Date): boolean {
  return (
    order.status === 'completed' &&
    !order.survey &&
    order.completedAt !== undefined &&
    now.getTime() - new Date(order.completedAt).getTime() >= SERVICES_LIMITS.callbackAfterHours * 3600_000
  );
}

/** Per-organization sums, as an aggregation returns them. */
export interface StatRow {
  _id: string;
  completed: number;
  surveyed: number;
  ratingSum: number;
  satisfied: number;
  complaints: number;
  open: number;
  escalated: number;
}

/** One organization's figures (rates rounded to 0.1 %, rating to 0.01). */
export function providerStat(org: { _id: string; name: string }, row: StatRow | undefined): ProviderStat {
  const r = row ?? {
    completed: 0,
    surveyed: 0,
    ratingSum: 0,
    satisfied: 0,
    complaints: 0,
    open: 0,
    escalated: 0,
  };
  const rate = (n: number) => (r.surveyed === 0 ? null : Math.round((n / r.surveyed) * 1000) / 1000);
  return {
    orgId: org._id,
    orgName: org.name,
    completed: r.completed,
    surveyed: r.surveyed,
    avgRating: r.surveyed === 0 ? null : Math.round((r.ratingSum / r.surveyed) * 100) / 100,
    satisfaction: rate(r.satisfied),
    complaintRate: rate(r.complaints),
    open: r.open,
    escalated: r.escalated,
  };
}
