/**
 * The organization's credit value (信用值), a published formula (shown on the credit page as CREDIT_FORMULA):
 *
 *   credit = 100 × (0.35·E + 0.15·T + 0.30·A + 0.20·S) − min(30, 3·complaints + 1·declined orders)
 *
 * clamped to 0–100 and rounded to one decimal, where E is the mean evaluation total / 100, T the share of due
 * monthly reports sent on time (by the 10th of the next month), A the mean indicator attainment and S the share of callbacks rated 4–5. A part with no
 * records yet counts as a neutral 0.8, so a new organization starts at 80. It rises with every evaluation total,
 * on-time share, attainment and rating, and falls with every complaint and declined order (the property test
 * checks exactly this). Pure.
 */
import type { CreditInputs } from '../documents';

/** The weights of the formula. */
export const CREDIT_WEIGHTS = { evaluation: 0.35, onTime: 0.15, attainment: 0.3, satisfaction: 0.2 } as const;
/** Points off per complaint and per declined order, and the most taken off. */
export const CREDIT_PENALTY = { complaint: 3, declined: 1, max: 30 } as const;
/** What a part counts as while it has no records. */
export const NEUTRAL = 0.8;
/** Below this credit an admitted organization is suspended from the pool (with notice and the reason). */
export const CREDIT_THRESHOLD = 60;

/** The formula in words, as published. */
export const CREDIT_FORMULA =
  '信用值 = 100 ×（评估得分 35% + 按时报送 15% + 指标达成 30% + 回访满意 20%）− 投诉每件 3 分、拒单每次 1 分（最多扣 30 分）；尚无记录的部分按 80% 计。';

const mean = (xs: readonly number[]) =>
  xs.length === 0 ? NEUTRAL : xs.reduce((s, x) => s + x, 0) / xs.length;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** The parts of the formula (each 0–1) and the penalty. */
export function creditParts(i: CreditInputs): {
  evaluation: number;
  onTime: number;
  attainment: number;
  satisfaction: number;
  penalty: number;
} {
  return {
    evaluation: mean(i.evaluationTotals.map((t) => clamp01(t / 100))),
    onTime: i.reportsDue === 0 ? NEUTRAL : clamp01(i.reportsOnTime / i.reportsDue),
    attainment: mean(i.attainments.map(clamp01)),
    satisfaction:
      i.ratings.length === 0 ? NEUTRAL : i.ratings.filter((r) => r >= 4).length / i.ratings.length,
    penalty: Math.min(
      CREDIT_PENALTY.max,
      CREDIT_PENALTY.complaint * i.complaints + CREDIT_PENALTY.declined * i.declinedOrders,
    ),
  };
}

/** The credit value of the inputs (0–100, one decimal). */
export function creditOf(i: CreditInputs): number {
  const p = creditParts(i);
  const w = CREDIT_WEIGHTS;
  const raw =
    100 *
      (w.evaluation * p.evaluation +
        w.onTime * p.onTime +
        w.attainment * p.attainment +
        w.satisfaction * p.satisfaction) -
    p.penalty;
  return Math.round(Math.max(0, Math.min(100, raw)) * 10) / 10;
}

/** What counts toward an organization's credit in a street, from its contracts there and their records. */
export interface CreditSubject {
  orgId: string;
  orgName: string;
  contracts: {
    id: string;
    title: string;
    attainments: number[];
    elapsed: number;
    reportMonths: { due: boolean; onTime: boolean }[];
  }[];
  evaluations: { id: string; label: string; total: number }[];
  orders: { id: string; label: string; rating?: number; complaint: boolean; declined: boolean }[];
}

/** The inputs of the formula and the records that caused them. */
export function creditInputsOf(s: CreditSubject): {
  inputs: CreditInputs;
  causes: { kind: string; id: string; label: string }[];
} {
  const months = s.contracts.flatMap((c) => c.reportMonths).filter((m) => m.due);
  const inputs: CreditInputs = {
    evaluationTotals: s.evaluations.map((e) => e.total),
    reportsDue: months.length,
    reportsOnTime: months.filter((m) => m.onTime).length,
    // Attainment is judged against the time elapsed: half way through, half the target is full marks.
    attainments: s.contracts.flatMap((c) =>
      c.attainments.map((a) => Math.min(1, a / Math.max(c.elapsed, 0.05))),
    ),
    ratings: s.orders.filter((o) => o.rating !== undefined).map((o) => o.rating!),
    complaints: s.orders.filter((o) => o.complaint).length,
    declinedOrders: s.orders.filter((o) => o.declined).length,
  };
  const causes = [
    ...s.evaluations.map((e) => ({ kind: 'evaluation', id: e.id, label: e.label })),
    ...s.contracts.map((c) => ({ kind: 'contract', id: c.id, label: c.title })),
    ...s.orders.filter((o) => o.complaint).map((o) => ({ kind: 'complaint', id: o.id, label: o.label })),
    ...s.orders.filter((o) => o.declined).map((o) => ({ kind: 'declined', id: o.id, label: o.label })),
  ];
  return { inputs, causes };
}
