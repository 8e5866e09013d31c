/**
 * myRedemptions — the caller's reservations of goods for points, waiting ones first, each with the code staff
 * scan to hand it over. The last 50 goods they held.
 * Input: {}. Result: { items: RedemptionView[] }. Errors: UNAUTHENTICATED. Round trips: 1.
 */
import { action } from '../../common/action';
import { readWithCaller } from '../../common/joins';
import { charityInputs, type RedemptionView } from '../contract';
import { redemptionView } from '../domain/pointGoods';
import { POINT_GOODS, type PointGoodsDoc } from '../documents';

const WAITING_FIRST = { reserved: 0, handed: 1, cancelled: 2, void: 3 } as const;

export default action({
  input: charityInputs.myRedemptions,
  async run(_input, ctx): Promise<{ items: RedemptionView[] }> {
    const { caller, all } = await readWithCaller(ctx, [
      {
        as: 'goods',
        from: POINT_GOODS,
        let: { me: '$_id' },
        expr: { $in: ['$$me', '$holderIds'] },
        sort: { updatedAt: -1 },
        limit: 50,
      },
    ]);
    const mine = all<PointGoodsDoc>('goods').flatMap((g) =>
      Object.entries(g.holds)
        .filter(([, h]) => h.u === caller._id && h.s !== 'void')
        .map(([id, h]) => ({ at: h.doneAt ?? h.at, view: redemptionView(g, id, h) })),
    );
    mine.sort(
      (a, b) =>
        WAITING_FIRST[a.view.state] - WAITING_FIRST[b.view.state] || +new Date(b.at) - +new Date(a.at),
    );
    return { items: mine.map((m) => m.view) };
  },
});
