/**
 * How reviewers' scores of one bid become its score (pure). The choice, and why:
 *
 * **Trimmed mean of the weighted totals: with three or more reviewers, the single highest and the single lowest
 * total are dropped and the rest averaged** (three reviewers: the median).
 *
 * - One outlier (a slip of the pen, a favour) lands at the top or bottom of the bid's scores and is dropped.
 *   Formally: when one reviewer's total moves from inside the others' range to beyond it by at least
 *   2/(n − 2) of that range, the trimmed mean moves less than the plain mean does (test/domain/projects).
 * - One harsh (or lenient) reviewer is the lowest (highest) on every bid and is dropped on every bid, so they
 *   change neither the scores nor the ranking.
 * - Per-reviewer normalisation (each reviewer's scores re-centred on their own mean) was considered and left out:
 *   a call has a handful of bids and a conflicted reviewer scores fewer of them, so a reviewer's mean is
 *   estimated from 3–6 numbers, and one outlier then moves that reviewer's mean and thereby every other bid they
 *   scored — the outlier leaks across the call instead of being contained to one bid.
 * - Values are sorted before anything is added up, so the order in which reviewers come never changes a digit.
 */
import type { Criterion } from '../documents';

/** Two decimals, as scores are shown and compared. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The weighted total (0–100) of one score sheet: Σ weight × score / max, criteria in sheet order. */
export function weightedTotal(
  sheet: readonly Criterion[],
  scores: readonly { key: string; score: number }[],
): number {
  const by = new Map(scores.map((s) => [s.key, s.score]));
  let sum = 0;
  for (const c of sheet) sum += (c.weight * (by.get(c.key) ?? 0)) / c.max;
  return round2(sum);
}

/** What is wrong with a filled-in sheet: not exactly the call's criteria, or a score above its maximum. */
export function sheetProblem(
  sheet: readonly Criterion[],
  filled: readonly { key: string; score: number }[],
): { path: string; message: string } | undefined {
  const keys = filled.map((c) => c.key);
  if (keys.length !== sheet.length || sheet.some((c) => !keys.includes(c.key)))
    return { path: 'criteria', message: '请按评分表逐项打分' };
  const over = filled.findIndex((c) => c.score > sheet.find((s) => s.key === c.key)!.max);
  if (over >= 0) return { path: `criteria.${over}.score`, message: '超过了这一项的满分' };
  return undefined;
}

/** The plain mean (for comparison in tests and the note), null for no scores. */
export function plainMean(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  return sorted.reduce((s, x) => s + x, 0) / sorted.length;
}

/** The trimmed mean: drop the single highest and lowest when there are 3 or more; null for no scores. */
export function trimmedMean(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
  return kept.reduce((s, x) => s + x, 0) / kept.length;
}

/** Each bid's aggregate score (two decimals) from the current totals by reviewer. */
export function aggregateScores(
  current: readonly { bidId: string; total: number }[],
): Map<string, { score: number | null; count: number }> {
  const byBid = new Map<string, number[]>();
  for (const s of current) byBid.set(s.bidId, [...(byBid.get(s.bidId) ?? []), s.total]);
  const out = new Map<string, { score: number | null; count: number }>();
  for (const [bidId, totals] of byBid) {
    const m = trimmedMean(totals);
    out.set(bidId, { score: m === null ? null : round2(m), count: totals.length });
  }
  return out;
}

/** The current score of each (bid, reviewer): the last of its chain of corrections. */
export function currentScores<S extends { _id: string; bidId: string; reviewerId: string; n: number }>(
  all: readonly S[],
): S[] {
  const last = new Map<string, S>();
  for (const s of all) {
    const k = `${s.bidId}|${s.reviewerId}`;
    const seen = last.get(k);
    if (!seen || s.n > seen.n) last.set(k, s);
  }
  return [...last.values()];
}
