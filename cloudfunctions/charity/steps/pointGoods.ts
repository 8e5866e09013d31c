/**
 * What the points-goods actions share: the read of a reservation by its code (the goods with the hold, the
 * supermarket, the holder and their spend, in one aggregation), and the conditional single-document updates that
 * take a unit for a hold, give it back, and move a hold from reserved to handed or cancelled.
 */
import type { ActionContext } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { invalid, notFound, unauthenticated } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { causeKeyOf, POINT_ENTRIES, type PointEntryDoc } from '../../common/points/documents';
import { lastEntryJoin } from '../../common/points/store';
import { parseRedemptionCode } from '../domain/pointGoods';
import {
  MERCHANTS,
  type MerchantDoc,
  POINT_GOODS,
  SUPERMARKETS,
  type PointGoodsDoc,
  type PointHold,
  type SupermarketDoc,
} from '../documents';

/** The unique cause key of a reservation's spend (or its refund). */
export function redemptionKey(holdId: string, kind: 'spend' | 'refund'): string {
  return causeKeyOf({ type: 'redemption', id: holdId }, kind);
}

/** A reservation read by its code. */
export interface HoldRead {
  caller: UserDoc;
  goods: PointGoodsDoc;
  holdId: string;
  hold: PointHold;
  sm: SupermarketDoc | undefined;
  /** The partner merchant whose offer it is. */
  merchant: MerchantDoc | undefined;
  holder: UserDoc | undefined;
  /** The holder's last ledger entry. */
  head: PointEntryDoc | undefined;
  spent: PointEntryDoc | undefined;
  refunded: PointEntryDoc | undefined;
}

/**
 * The reservation a code names, with everything a hand-over or cancellation checks (one round trip).
 * INVALID_INPUT for something that is not a code, NOT_FOUND for no such reservation, UNAUTHENTICATED.
 */
export async function readHold(ctx: ActionContext, code: string): Promise<HoldRead> {
  const parsed = parseRedemptionCode(code);
  if (!parsed) throw invalid('这不是兑换码', [{ path: 'code', message: '这不是兑换码' }]);
  const { goodsId, holdId } = parsed;
  const r = await readWithCaller<PointGoodsDoc>(
    ctx,
    [
      {
        as: 'sm',
        from: SUPERMARKETS,
        let: { sm: '$supermarketId' },
        expr: { $eq: ['$_id', '$$sm'] },
        limit: 1,
      },
      {
        as: 'merchant',
        from: MERCHANTS,
        let: { m: '$merchantId' },
        expr: { $eq: ['$_id', '$$m'] },
        limit: 1,
      },
      { set: { holderId: `$holds.${holdId}.u` } },
      { as: 'holder', from: USERS, let: { h: '$holderId' }, expr: { $eq: ['$_id', '$$h'] }, limit: 1 },
      lastEntryJoin('head', 'holderId'),
      { as: 'spent', from: POINT_ENTRIES, match: { causeKey: redemptionKey(holdId, 'spend') }, limit: 1 },
      { as: 'refunded', from: POINT_ENTRIES, match: { causeKey: redemptionKey(holdId, 'refund') }, limit: 1 },
    ],
    { from: POINT_GOODS, match: { _id: goodsId } },
  );
  const hold = r.root?.holds?.[holdId];
  if (!r.root || !hold) throw notFound('兑换记录');
  if (!r.caller) throw unauthenticated();
  return {
    caller: r.caller,
    goods: r.root,
    holdId,
    hold,
    sm: r.one<SupermarketDoc>('sm'),
    merchant: r.one<MerchantDoc>('merchant'),
    holder: r.one<UserDoc>('holder'),
    head: r.one<PointEntryDoc>('head'),
    spent: r.one<PointEntryDoc>('spent'),
    refunded: r.one<PointEntryDoc>('refunded'),
  };
}

/**
 * Takes one unit for a hold at the price the holder saw, writing the hold in the same update; refused (false)
 * when out of stock, off the shelf, repriced, or already held under this id.
 */
export async function takeUnit(g: PointGoodsDoc, holdId: string, hold: PointHold): Promise<boolean> {
  const res = await db
    .collection(POINT_GOODS)
    .where({
      _id: g._id,
      active: true,
      stock: _.gte(1),
      pointsPrice: hold.price,
      [`holds.${holdId}`]: _.exists(false),
    })
    .update({
      data: {
        stock: _.inc(-1),
        [`holds.${holdId}`]: hold,
        holderIds: _.addToSet(hold.u),
        updatedAt: hold.at,
      },
    });
  return updatedCount(res) === 1;
}

/**
 * Moves a hold from reserved to `to` (handed, cancelled, void) — one conditional update, so of any number of
 * concurrent tries exactly one succeeds; a cancellation or a void puts the unit back on the shelf in the same
 * update. Returns whether this call moved it.
 */
export async function closeHold(
  goodsId: string,
  holdId: string,
  to: 'handed' | 'cancelled' | 'void',
  by: string,
  at: Date,
): Promise<boolean> {
  const res = await db
    .collection(POINT_GOODS)
    .where({ _id: goodsId, [`holds.${holdId}.s`]: 'reserved' })
    .update({
      data: {
        [`holds.${holdId}.s`]: to,
        [`holds.${holdId}.by`]: by,
        [`holds.${holdId}.doneAt`]: at,
        ...(to === 'handed' ? {} : { stock: _.inc(1) }),
        updatedAt: at,
      },
    });
  return updatedCount(res) === 1;
}
