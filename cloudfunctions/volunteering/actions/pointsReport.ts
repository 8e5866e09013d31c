/**
 * pointsReport — a street's 爱心积分 by Beijing month, for its admins: issued, spent at the supermarket, given,
 * expired, and the points people hold at each month's end (the liability the supermarket stands behind). Entries
 * count for the street of their place: hours for the activity's, spends for the supermarket's, adjustments for the
 * person's.
 * Input: { streetId, months ≤ 24 }. Result: PointsReportView. Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND
 * (no such street), FORBIDDEN (not an admin over it). Round trips: 3 (the caller with the street; the months'
 * sums; the sum before them).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import { POINT_ENTRIES } from '../../common/points/documents';
import { monthlyReport, type KindSum } from '../../common/points/report';
import { monthsUpTo } from '../../../miniprogram/shared/calendar';
import { volunteeringInputs, type PointsReportView } from '../contract';
import { requireStreetAdmin, streetJoin } from '../steps/points';

const $ = _.aggregate;

export default action({
  input: volunteeringInputs.pointsReport,
  async run(input, ctx): Promise<PointsReportView> {
    const { caller, one } = await readWithCaller(ctx, [streetJoin(input.streetId)]);
    requireStreetAdmin(caller, one('street'));
    const months = monthsUpTo(ctx.now, input.months);
    const [inside, before] = await Promise.all([
      db
        .collection(POINT_ENTRIES)
        .aggregate()
        .match({ placePath: input.streetId, month: _.in(months) })
        .group({ _id: { month: '$month', kind: '$kind' }, total: $.sum('$delta') })
        .limit(1000)
        .end() as Promise<{ list: { _id: Omit<KindSum, 'total'>; total: number }[] }>,
      db
        .collection(POINT_ENTRIES)
        .aggregate()
        .match({ placePath: input.streetId, month: _.lt(months[0]!) })
        .group({ _id: null, total: $.sum('$delta') })
        .end() as Promise<{ list: { total: number }[] }>,
    ]);
    const sums = inside.list.map((r) => ({ ...r._id, total: r.total }));
    return { streetId: input.streetId, months: monthlyReport(sums, months, before.list[0]?.total ?? 0) };
  },
});
