/**
 * redeem — someone with 爱心积分 reserves goods at the supermarket. One unit is taken from stock together with
 * the hold (one conditional update of the goods), then the points are spent by the ledger entry that names the
 * hold; if the balance no longer covers it (spent meanwhile), the hold is voided and the unit put back. So stock
 * and balance never go below zero, a unit is never held without its points spent by hand-over time (hand-over
 * checks the spend), and 30 concurrent reservations on a balance that covers 3 give exactly 3. Idempotent on the
 * client's key: every replay answers with the same reservation (or the same refusal).
 * Input: { goodsId, idempotencyKey }. Result: RedemptionView (with the balance after it).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, LIMIT_REACHED (not enough points; none left), CONFLICT (the
 * price changed meanwhile). Round trips: 3 (the caller with the goods, their last entry and any earlier try; the
 * take; the spend); a refusal for the balance found in the read costs 1, one found at the spend 4; each race
 * lost to the caller's own other spends 2 more.
 */
import { action } from '../../common/action';
import { findById } from '../../common/db';
import { conflict, limitReached, notFound } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { readWithCaller } from '../../common/joins';
import { POINT_ENTRIES, type PointEntryDoc } from '../../common/points/documents';
import { appendEntry, headOf, lastEntryJoin } from '../../common/points/store';
import { charityInputs, type RedemptionView } from '../contract';
import { redemptionView } from '../domain/pointGoods';
import { POINT_GOODS, type PointGoodsDoc, type PointHold } from '../documents';
import { closeHold, redemptionKey, takeUnit } from '../steps/pointGoods';

const notEnough = (balance: number, price: number) =>
  limitReached(`积分不足：需要 ${price} 分，您现在有 ${balance} 分`);

export default action({
  input: charityInputs.redeem,
  async run(input, ctx): Promise<RedemptionView> {
    const holdId = idempotentId(ctx.openid, 'points-redeem', input.idempotencyKey);
    const { caller, one } = await readWithCaller(ctx, [
      { as: 'goods', from: POINT_GOODS, match: { _id: input.goodsId }, limit: 1 },
      lastEntryJoin('head'),
      { as: 'spent', from: POINT_ENTRIES, match: { causeKey: redemptionKey(holdId, 'spend') }, limit: 1 },
    ]);
    const g = one<PointGoodsDoc>('goods');
    if (!g) throw notFound('兑换物品');
    const head = headOf(one<PointEntryDoc>('head'));
    const spent = one<PointEntryDoc>('spent');
    let hold = g.holds[holdId];
    if (hold && spent) return redemptionView(g, holdId, hold, { balance: spent.balanceAfter });
    if (hold?.s === 'void') throw notEnough(head.balanceAfter, hold.price);
    if (hold && hold.s !== 'reserved') throw conflict('这份兑换已经取消了');
    if (!hold) {
      if (!g.active || g.stock < 1) throw limitReached('这件物品已经兑完了');
      if (head.balanceAfter < g.pointsPrice) throw notEnough(head.balanceAfter, g.pointsPrice);
      const mine: PointHold = { u: caller._id, s: 'reserved', price: g.pointsPrice, at: ctx.now };
      if (await takeUnit(g, holdId, mine)) hold = mine;
      else hold = await heldByTwin(g._id, holdId, g.pointsPrice);
    }
    const done = await appendEntry(
      {
        userId: caller._id,
        kind: 'spend',
        delta: -hold.price,
        cause: { type: 'redemption', id: holdId, title: `${g.supermarketName} ${g.name}` },
        placePath: g.placePath,
        by: caller._id,
        at: ctx.now,
      },
      head,
    );
    if ('insufficient' in done) {
      await closeHold(g._id, holdId, 'void', caller._id, ctx.now);
      throw notEnough(done.balance, hold.price);
    }
    return redemptionView(g, holdId, hold, { balance: done.entry.balanceAfter });
  },
});

/** After a refused take: the hold a twin of this request wrote, or why the take was refused. */
async function heldByTwin(goodsId: string, holdId: string, price: number): Promise<PointHold> {
  const now = await findById<PointGoodsDoc>(POINT_GOODS, goodsId);
  const twin = now?.holds[holdId];
  if (twin) return twin;
  if (!now || !now.active || now.stock < 1) throw limitReached('这件物品已经兑完了');
  if (now.pointsPrice !== price) throw conflict('兑换所需积分刚刚改了，请刷新后再兑换');
  throw conflict('刚有变动，请再试一次');
}
