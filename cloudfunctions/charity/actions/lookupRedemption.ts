/**
 * lookupRedemption — supermarket staff scan a reservation's code and see what to hand over, to whom (masked),
 * and whether it is still waiting.
 * Input: { code }. Result: RedemptionView. Errors: INVALID_INPUT (not a code), UNAUTHENTICATED, NOT_FOUND,
 * FORBIDDEN (not staff of that supermarket). Round trips: 1.
 */
import { action } from '../../common/action';
import { charityInputs, type RedemptionView } from '../contract';
import { requireGoodsStaff } from '../domain/access';
import { redemptionView } from '../domain/pointGoods';
import { readHold } from '../steps/pointGoods';

export default action({
  input: charityInputs.lookupRedemption,
  async run(input, ctx): Promise<RedemptionView> {
    const h = await readHold(ctx, input.code);
    requireGoodsStaff(h.caller, h.sm, h.merchant, Boolean(h.goods.merchantId));
    return redemptionView(h.goods, h.holdId, h.hold, {
      holderRealName: h.holder?.realName ?? h.holder?.nickname ?? '',
    });
  },
});
