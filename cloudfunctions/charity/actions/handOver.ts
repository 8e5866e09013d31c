/**
 * handOver — supermarket staff hand reserved goods over, having scanned the code on the holder's phone. One
 * conditional update moves the hold from reserved to handed, so of any number of concurrent hand-overs of one
 * reservation exactly one succeeds. Goods whose points were never spent (the reservation stopped half-way) are
 * not handed over.
 * Input: { code }. Result: RedemptionView (state handed). Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND,
 * FORBIDDEN (not staff of that supermarket), CONFLICT (already handed over, cancelled, or not paid).
 * Round trips: 2 (the reservation with the caller, supermarket, holder and spend; the update).
 */
import { action } from '../../common/action';
import { conflict } from '../../common/errors';
import { charityInputs, type RedemptionView } from '../contract';
import { requireGoodsStaff } from '../domain/access';
import { REDEMPTION_STATE_TEXT, redemptionView } from '../domain/pointGoods';
import { closeHold, readHold } from '../steps/pointGoods';

export default action({
  input: charityInputs.handOver,
  async run(input, ctx): Promise<RedemptionView> {
    const h = await readHold(ctx, input.code);
    requireGoodsStaff(h.caller, h.sm, h.merchant, Boolean(h.goods.merchantId));
    if (h.hold.s !== 'reserved') throw conflict(`这份兑换${REDEMPTION_STATE_TEXT[h.hold.s]}，不能再领取`);
    if (!h.spent) throw conflict('这份兑换的积分还没有扣除，请兑换人重新兑换');
    if (!(await closeHold(h.goods._id, h.holdId, 'handed', h.caller._id, ctx.now)))
      throw conflict('这份兑换刚刚已经领取了');
    return redemptionView(
      h.goods,
      h.holdId,
      { ...h.hold, s: 'handed', by: h.caller._id, doneAt: ctx.now },
      { holderRealName: h.holder?.realName ?? h.holder?.nickname ?? '' },
    );
  },
});
