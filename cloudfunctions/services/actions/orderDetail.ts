/**
 * orderDetail — one order with its timeline, for the person served, whoever ordered, their family, the staff of
 * the organization it is matched to, and admins of its community. Address and phone are masked for all but the
 * staff member who accepted it, while the work is under way, and the person served (their own data).
 * Input: { orderId }. Result: OrderView (with what the viewer may do now; for the staff member who may check in,
 * when and where that needs no reason; for an admin who may assign it, the organizations offering the item in
 * its community; for the resident side and admins once accepted, who comes and their work number).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such order, or not the viewer's to see). Round trips: 1.
 */
import { action } from '../../common/action';
import { servicesInputs } from '../contract';
import { coveringOrgs } from '../domain/menu';
import { orderView } from '../domain/views';
import { checkInRuleFrom, itemSide, orderForCaller, workerFrom } from '../steps/orderAccess';

export default action({
  input: servicesInputs.orderDetail,
  async run(input, ctx) {
    const { order, rel, joined } = await orderForCaller(ctx, input.orderId, {
      withItem: true,
      withCheckInRule: true,
      withWorker: true,
    });
    const view = orderView(order, rel, ctx.now, checkInRuleFrom(joined), workerFrom(joined));
    if (!view.can.assign) return view;
    const { item, orgs } = itemSide(joined);
    const assignable = item ? coveringOrgs(item, orgs, order.communityId) : [];
    return { ...view, assignable: assignable.map((o) => ({ id: o._id, name: o.name })) };
  },
});
