/**
 * A street's 爱心积分 by Beijing month (pointsReport, and its export): the caller with the street, refused unless
 * they administer it; then the months' sums by kind and the sum before them, side by side.
 * Round trips: 3.
 */
import type { ActionContext } from '../../common/action';
import { _, db } from '../../common/cloud';
import type { PlaceDoc } from '../../common/directory/places';
import type { UserDoc } from '../../common/directory/users';
import { readWithCaller } from '../../common/joins';
import { POINT_ENTRIES } from '../../common/points/documents';
import { monthlyReport, type KindSum } from '../../common/points/report';
import { monthsUpTo } from '../../../miniprogram/shared/calendar';
import type { PointsReportView } from '../contract';
import { requireStreetAdmin, streetJoin } from './points';

const $ = _.aggregate;

/** The report of the last `monthCount` months of `streetId`, with who asked and the street. */
export async function readPointsReport(
  ctx: ActionContext,
  input: { streetId: string; months: number },
): Promise<{ caller: UserDoc; street: PlaceDoc; view: PointsReportView }> {
  const { caller, one } = await readWithCaller(ctx, [streetJoin(input.streetId)]);
  const street = requireStreetAdmin(caller, one('street'));
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
  return {
    caller,
    street,
    view: { streetId: input.streetId, months: monthlyReport(sums, months, before.list[0]?.total ?? 0) },
  };
}
