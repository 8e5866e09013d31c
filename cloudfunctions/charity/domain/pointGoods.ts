/**
 * Goods for 爱心积分 (pure): the reservation code staff scan, and how goods and reservations are shown. A code is
 * `<goods id>.<reservation id>`: it names the one document the hand-over updates, and the reservation id is a
 * 128-bit hash of (the holder, their request), so codes cannot be guessed from one another.
 */
import { dayClockText } from '../../../miniprogram/shared/calendar';
import { maskName } from '../../common/mask';
import type { PointGoodsView, RedemptionState, RedemptionView } from '../contract';
import type { PointGoodsDoc, PointHold } from '../documents';

/** The code of a reservation. */
export function redemptionCode(goodsId: string, holdId: string): string {
  return `${goodsId}.${holdId}`;
}

/** The goods and reservation a code names, or undefined when it is not one. */
export function parseRedemptionCode(code: string): { goodsId: string; holdId: string } | undefined {
  const m = /^([\w-]{1,64})\.([0-9a-f]{32})$/.exec(code.trim());
  return m ? { goodsId: m[1]!, holdId: m[2]! } : undefined;
}

/** Words for a reservation's state. */
export const REDEMPTION_STATE_TEXT: Record<RedemptionState, string> = {
  reserved: '待领取',
  handed: '已领取',
  cancelled: '已取消',
  void: '积分不足，未兑换',
};

/** Goods in the shop, for a caller with `balance` points. */
export function pointGoodsView(
  g: Omit<PointGoodsDoc, 'holds' | 'holderIds'>,
  balance: number,
): PointGoodsView {
  return {
    id: g._id,
    name: g.name,
    note: g.note,
    pointsPrice: g.pointsPrice,
    stock: g.stock,
    active: g.active,
    affordable: g.active && g.stock > 0 && balance >= g.pointsPrice,
    ...(g.merchantId ? { merchant: { id: g.merchantId, name: g.supermarketName } } : {}),
  };
}

/** A reservation as its holder (with their balance) or staff (with the holder's masked name) see it. */
export function redemptionView(
  g: Pick<PointGoodsDoc, '_id' | 'name' | 'supermarketName'>,
  holdId: string,
  hold: PointHold,
  extra: { balance?: number; holderRealName?: string } = {},
): RedemptionView {
  return {
    code: redemptionCode(g._id, holdId),
    goodsName: g.name,
    supermarketName: g.supermarketName,
    pointsPrice: hold.price,
    state: hold.s,
    stateText: REDEMPTION_STATE_TEXT[hold.s],
    whenText: dayClockText(hold.doneAt ?? hold.at),
    ...(extra.holderRealName !== undefined ? { holderName: maskName(extra.holderRealName) } : {}),
    ...(extra.balance !== undefined ? { balance: extra.balance } : {}),
  };
}
