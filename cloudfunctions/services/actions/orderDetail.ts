/**
 * orderDetail — one order with its timeline, for the person served, whoever ordered, their family, the staff of
 * the organization it is matched to, and admins of its community. Address and phone are masked for all but the
 * staff member who accepted it, while the work is under way.
 * Input: { orderId }. Result: OrderView (with what the viewer may do now).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such order, or not the viewer's to see). Round trips: 1.
 */
import { action } from '../../common/action';
import { servicesInputs } from '../contract';
import { orderView } from '../domain/views';
import { orderForCaller } from '../orderAccess';

export default action({
  input: servicesInputs.orderDetail,
  async run(input, ctx) {
    const { order, rel } = await orderForCaller(ctx, input.orderId);
    return orderView(order, rel, ctx.now);
  },
});
