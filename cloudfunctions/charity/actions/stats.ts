/**
 * stats — public statistics: donations, deliveries, units and estimated value by Beijing month and item
 * category (for the chart), with totals and the number of distinct donors. Expired, cancelled and refused
 * pledges are not counted. A part of a general-stock gift counts its delivery and value, not as another
 * donation or more units (its gift already counts them). Input: { months ≤ 24 }. Result: StatsView. Errors: INVALID_INPUT. Round trips: 2.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { charityInputs, type StatsView } from '../contract';
import { shapeStats, type StatsRow } from '../domain/stats';
import { monthsUpTo } from '../../../miniprogram/shared/calendar';
import { DONATIONS } from '../documents';

const $ = _.aggregate;

export default action({
  input: charityInputs.stats,
  async run(input, ctx): Promise<StatsView> {
    const months = monthsUpTo(ctx.now, input.months);
    const counted = { month: _.in(months), status: _.nin(['expired', 'cancelled', 'rejected']) };
    const units = $.ifNull(['$receivedQuantity', '$quantity']);
    const isPart = $.eq(['$kind', 'part']);
    const grouped = (await db
      .collection(DONATIONS)
      .aggregate()
      .match(counted)
      .group({
        _id: { month: '$month', itemCategory: '$itemCategory' },
        donations: $.sum($.cond({ if: isPart, then: 0, else: 1 })),
        delivered: $.sum($.cond({ if: $.in(['$status', ['confirmed', 'thanked']]), then: 1, else: 0 })),
        units: $.sum($.cond({ if: isPart, then: 0, else: units })),
        value: $.sum($.multiply([units, '$unitValue'])),
      })
      .limit(1000)
      .end()) as { list: ({ _id: Pick<StatsRow, 'month' | 'itemCategory'> } & StatsRow)[] };
    const donors = (await db
      .collection(DONATIONS)
      .aggregate()
      .match(counted)
      .group({ _id: '$donorId' })
      .count('n')
      .end()) as { list: { n: number }[] };
    const rowsOut: StatsRow[] = grouped.list.map((r) => ({
      month: r._id.month,
      itemCategory: r._id.itemCategory,
      donations: r.donations,
      delivered: r.delivered,
      units: r.units,
      value: r.value,
    }));
    return shapeStats(rowsOut, months, donors.list[0]?.n ?? 0);
  },
});
