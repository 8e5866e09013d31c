/**
 * updatePointGoods — supermarket staff rename or reprice goods, put units on the shelf or take them off (by a
 * delta, so reservations made meanwhile are not overwritten; never below zero), or take it off the shop. A
 * reservation made at the old price keeps it; one in flight at the old price is refused and asked to refresh.
 * Input: { goodsId, name?, note?, pointsPrice?, stockDelta?, active? }. Result: PointGoodsView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (not staff), CONFLICT (fewer units than taken off),
 * CONTENT_REJECTED. Round trips: 2 (the caller with the goods and supermarket; the conditional update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { conflict, notFound } from '../../common/errors';
import { firstOf, readWithCaller } from '../../common/joins';
import { charityInputs, type PointGoodsView } from '../contract';
import { requireGoodsStaff } from '../domain/access';
import { pointGoodsView } from '../domain/pointGoods';
import {
  MERCHANTS,
  POINT_GOODS,
  SUPERMARKETS,
  type MerchantDoc,
  type PointGoodsDoc,
  type SupermarketDoc,
} from '../documents';

export default action({
  input: charityInputs.updatePointGoods,
  async run(input, ctx): Promise<PointGoodsView> {
    const r = await readWithCaller(ctx, [
      { as: 'goods', from: POINT_GOODS, match: { _id: input.goodsId }, limit: 1, project: { holds: 0 } },
      { set: { smId: firstOf('goods.supermarketId') } },
      { as: 'sm', from: SUPERMARKETS, let: { sm: '$smId' }, expr: { $eq: ['$_id', '$$sm'] }, limit: 1 },
      { set: { merchantId: firstOf('goods.merchantId') } },
      {
        as: 'merchant',
        from: MERCHANTS,
        let: { m: '$merchantId' },
        expr: { $eq: ['$_id', '$$m'] },
        limit: 1,
      },
    ]);
    const g = r.one<PointGoodsDoc>('goods');
    if (!g) throw notFound('兑换物品');
    requireGoodsStaff(
      r.caller,
      r.one<SupermarketDoc>('sm'),
      r.one<MerchantDoc>('merchant'),
      Boolean(g.merchantId),
    );
    const { name, note, pointsPrice, stockDelta, active } = input;
    await checkText(ctx.openid, [name ?? '', note ?? '']);
    const change = {
      ...(name !== undefined ? { name } : {}),
      ...(note !== undefined ? { note } : {}),
      ...(pointsPrice !== undefined ? { pointsPrice } : {}),
      ...(active !== undefined ? { active } : {}),
    };
    const res = await db
      .collection(POINT_GOODS)
      .where({ _id: g._id, ...(stockDelta && stockDelta < 0 ? { stock: _.gte(-stockDelta) } : {}) })
      .update({
        data: { ...change, ...(stockDelta ? { stock: _.inc(stockDelta) } : {}), updatedAt: ctx.now },
      });
    if (updatedCount(res) !== 1) throw conflict('库存不足以减去这么多，请刷新后重试');
    return pointGoodsView({ ...g, ...change, stock: g.stock + (stockDelta ?? 0) }, 0);
  },
});
