/**
 * pointShop — a supermarket's goods for 爱心积分 with the caller's balance (which of them they can get now). The
 * caller's own street's supermarket unless one is named. Its staff also see goods off the shelf or out of stock.
 * Input: { supermarketId? }. Result: PointShopView (no supermarket: an empty shop). Errors: UNAUTHENTICATED.
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import type { PointEntryDoc } from '../../common/points/documents';
import { headOf, lastEntryJoin } from '../../common/points/store';
import { charityInputs, type PointShopView } from '../contract';
import { staffsGoods } from '../domain/access';
import { pointGoodsView } from '../domain/pointGoods';
import {
  MERCHANTS,
  POINT_GOODS,
  SUPERMARKETS,
  type MerchantDoc,
  type PointGoodsDoc,
  type SupermarketDoc,
} from '../documents';

const SHOWN = 50;

export default action({
  input: charityInputs.pointShop,
  async run(input, ctx): Promise<PointShopView> {
    const $ = _.aggregate;
    const { caller, one, all } = await readWithCaller(ctx, [
      lastEntryJoin('head'),
      {
        set: {
          shopId: input.supermarketId ? $.literal(input.supermarketId) : $.arrayElemAt(['$placePath', 1]),
        },
      },
      { as: 'sm', from: SUPERMARKETS, let: { shop: '$shopId' }, expr: { $eq: ['$_id', '$$shop'] }, limit: 1 },
      {
        as: 'goods',
        from: POINT_GOODS,
        let: { shop: '$shopId' },
        expr: { $eq: ['$supermarketId', '$$shop'] },
        ...(input.merchantId ? { match: { merchantId: input.merchantId } } : {}),
        sort: { pointsPrice: 1, createdAt: 1 },
        limit: SHOWN,
        project: { holds: 0, holderIds: 0 },
      },
      ...(input.merchantId
        ? [{ as: 'merchant', from: MERCHANTS, match: { _id: input.merchantId }, limit: 1 }]
        : []),
    ]);
    const balance = headOf(one<PointEntryDoc>('head')).balanceAfter;
    const sm = one<SupermarketDoc>('sm');
    const merchant = one<MerchantDoc>('merchant');
    // Staff see what is off the shelf too, of their own place only.
    const staff = staffsGoods(caller, sm, merchant, Boolean(input.merchantId));
    const goods = all<PointGoodsDoc>('goods')
      .filter(
        (g) => (staff && Boolean(g.merchantId) === Boolean(input.merchantId)) || (g.active && g.stock > 0),
      )
      .map((g) => pointGoodsView(g, balance));
    return {
      ...(sm ? { supermarket: { id: sm._id, name: sm.name, address: sm.address, hours: sm.hours } } : {}),
      balance,
      staff,
      ...(merchant ? { merchant: { id: merchant._id, name: merchant.name } } : {}),
      goods,
    };
  },
});
