/**
 * myPoints — the caller's 爱心积分: the balance (the last ledger entry's), what their street gives an hour, and the
 * ledger newest first, 20 at a time, each entry naming its cause (and an adjustment its reason).
 * Input: { offset }. Result: MyPointsView. Errors: UNAUTHENTICATED.
 * Round trips: 2 (the caller with the last entry and the street's rule; the page of entries).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import { listPage } from '../../common/paging';
import { POINT_ENTRIES, type PointEntryDoc, type PointRuleDoc } from '../../common/points/documents';
import { headOf, lastEntryJoin, ruleJoin, ruleOr } from '../../common/points/store';
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
    const entries = await listPage(
      db.collection(POINT_ENTRIES).where({ userId: caller._id }).orderBy('n', 'desc'),
      { offset: input.offset, limit: 20 },
      entryView,
    );
    return {
      balance: head.balanceAfter,
      earned: head.earnedAfter,
      pointsPerHour: ruleOr(one<PointRuleDoc>('rule')).pointsPerHour,
      entries,
    };
  },
});
