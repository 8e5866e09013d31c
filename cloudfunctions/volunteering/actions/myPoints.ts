/**
 * myPoints — the caller's 爱心积分: the balance (the last ledger entry's), what their street gives an hour, what
 * expires at the end of this year unless used, and the ledger newest first, 20 at a time, each entry naming its
 * cause (and an adjustment its reason).
 * Input: { offset }. Result: MyPointsView. Errors: UNAUTHENTICATED.
 * Round trips: 3 (the caller with the last entry and the street's rule; the page of entries and the last entry
 * before the coming expiry's cutoff, at once).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import { listPage } from '../../common/paging';
import { POINT_ENTRIES, type PointEntryDoc, type PointRuleDoc } from '../../common/points/documents';
import { expiringAmount, nextExpiry } from '../../common/points/ledger';
import { headOf, lastEntryBefore, lastEntryJoin, ruleJoin, ruleOr } from '../../common/points/store';
import { dayText } from '../../../miniprogram/shared/calendar';
import { entryView } from '../../common/points/views';
import { volunteeringInputs, type MyPointsView } from '../contract';

export default action({
  input: volunteeringInputs.myPoints,
  async run(input, ctx): Promise<MyPointsView> {
    const { caller, one } = await readWithCaller(ctx, [
      lastEntryJoin('head'),
      { set: { pointsStreetId: _.aggregate.arrayElemAt(['$placePath', 1]) } },
      ruleJoin('rule', 'pointsStreetId'),
    ]);
    const head = headOf(one<PointEntryDoc>('head'));
    const rule = ruleOr(one<PointRuleDoc>('rule'));
    const next = head.balanceAfter > 0 ? nextExpiry(ctx.now, rule.expiryYears) : undefined;
    const [entries, before] = await Promise.all([
      listPage(
        db.collection(POINT_ENTRIES).where({ userId: caller._id }).orderBy('n', 'desc'),
        { offset: input.offset, limit: 20 },
        entryView,
      ),
      next ? lastEntryBefore(caller._id, next.cutoff) : undefined,
    ]);
    const expiring = before && next ? expiringAmount(before.earnedAfter, head) : 0;
    return {
      balance: head.balanceAfter,
      earned: head.earnedAfter,
      pointsPerHour: rule.pointsPerHour,
      ...(expiring > 0 && next
        ? { expiring: { points: expiring, dateText: dayText(next.at.getTime() - 1) } }
        : {}),
      entries,
    };
  },
});
