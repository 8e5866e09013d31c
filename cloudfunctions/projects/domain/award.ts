/**
 * Ranking and award (pure). The published tie-break, in order: the higher aggregate score; then the higher median
 * of the reviewers' totals; then the lower bid total (more service for the money); then the earlier submission.
 * Awards go down the ranking: a bid at or above the pass mark is awarded when it still fits under the budget
 * ceiling (a 公益创投 round awards as many as fit, skipping one that does not; a single purchase awards one).
 */
import type { BidDoc, CallDoc, Prequalification, RankedBid } from '../documents';
import { aggregateScores, round2 } from './aggregate';

/** The tie-break, as it is published on the call's page. */
export const TIE_BREAK_TEXT = '同分时依次比较：评审总分中位数高者优先、申报金额低者优先、提交时间早者优先';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The ranking of the qualified bids from the current scores, with what is awarded. */
export function rankBids(
  call: Pick<CallDoc, 'kind' | 'budgetCeilingFen' | 'passScore'>,
  qualified: readonly Prequalification[],
  bids: readonly Pick<BidDoc, '_id' | 'orgId' | 'orgName' | 'totalFen' | 'submittedAt'>[],
  current: readonly { bidId: string; total: number }[],
): RankedBid[] {
  const agg = aggregateScores(current);
  const byId = new Map(bids.map((b) => [b._id, b]));
  const rows = qualified
    .filter((q) => q.passed && byId.has(q.bidId))
    .map((q) => {
      const bid = byId.get(q.bidId)!;
      const a = agg.get(q.bidId);
      const totals = current.filter((s) => s.bidId === q.bidId).map((s) => s.total);
      return {
        bid,
        code: q.code,
        score: a?.score ?? null,
        count: a?.count ?? 0,
        median: round2(median(totals)),
      };
    });
  rows.sort(
    (x, y) =>
      (y.score ?? -1) - (x.score ?? -1) ||
      y.median - x.median ||
      x.bid.totalFen - y.bid.totalFen ||
      (x.bid.submittedAt?.getTime() ?? 0) - (y.bid.submittedAt?.getTime() ?? 0) ||
      (x.bid._id < y.bid._id ? -1 : 1),
  );
  let left = call.budgetCeilingFen;
  let awards = 0;
  return rows.map((r, i) => {
    let note = '';
    let awarded = false;
    if (r.score === null || r.score < call.passScore) note = `未达到${call.passScore}分的入围线`;
    else if (call.kind === 'purchase' && awards > 0) note = '单项采购只选一家';
    else if (r.bid.totalFen > left) note = '超出剩余预算';
    else {
      awarded = true;
      awards++;
      left -= r.bid.totalFen;
    }
    return {
      bidId: r.bid._id,
      orgId: r.bid.orgId,
      orgName: r.bid.orgName,
      code: r.code,
      totalFen: r.bid.totalFen,
      score: r.score,
      scores: r.count,
      rank: i + 1,
      awarded,
      note,
    };
  });
}

/** Which reviewer still has to score which qualified bid (a conflicted reviewer never scores that bid). */
export function missingScores(
  call: Pick<CallDoc, 'reviewerIds' | 'conflicts' | 'prequalification'>,
  current: readonly { bidId: string; reviewerId: string }[],
): { reviewerId: string; bidId: string }[] {
  const done = new Set(current.map((s) => `${s.bidId}|${s.reviewerId}`));
  const out: { reviewerId: string; bidId: string }[] = [];
  for (const reviewerId of call.reviewerIds)
    for (const q of call.prequalification)
      if (q.passed && !conflicted(call, reviewerId, q.orgId) && !done.has(`${q.bidId}|${reviewerId}`))
        out.push({ reviewerId, bidId: q.bidId });
  return out;
}

/** Whether a reviewer declared a conflict with an organization. */
export function conflicted(call: Pick<CallDoc, 'conflicts'>, reviewerId: string, orgId: string): boolean {
  return call.conflicts[reviewerId]?.orgIds.includes(orgId) ?? false;
}
