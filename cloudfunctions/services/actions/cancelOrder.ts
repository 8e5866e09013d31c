/**
 * cancelOrder — the person served, whoever ordered or their family cancel before the organization accepts;
 * an admin of the community may also cancel an accepted order (e.g. the elder went to hospital), with a reason
 * the orderer is told. The organization's place in the slot is given back.
 * Input: { orderId, reason }. Result: OrderView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (staff of the organization), NOT_FOUND, CONFLICT (already
 * accepted, for residents; under way or finished; changed meanwhile), CONTENT_REJECTED.
 * Round trips: 3 (read, conditional update, place given back); 2 when no place was held; an admin's cancel also
 * keeps the message in the orderer's message centre (common/notify), one more.
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { servicesInputs } from '../contract';
import { actorFor, isResidentSide } from '../domain/access';
import { holdsPlace, transition } from '../domain/orders';
import { orderView } from '../domain/views';
import { tellOrderer } from '../notices';
import { orderForCaller } from '../steps/orderAccess';
import { releasePlace, writeOrder } from '../store';

export default action({
  input: servicesInputs.cancelOrder,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.reason], 2);
    const { caller, order, rel } = await orderForCaller(ctx, input.orderId);
    const resident = isResidentSide(rel);
    if (!resident && !rel.admin) throw forbidden('服务机构不能取消订单，如无法服务请选择「无法接单」');
    await textChecked();
    const byAdmin = rel.admin && !resident;
    const by = actorFor(caller, rel, byAdmin ? 'admin' : 'resident');
    const { order: next } = transition(
      order,
      { kind: 'cancel', reason: input.reason, byAdmin: rel.admin },
      by,
      ctx.now,
    );
    if (!(await writeOrder(order, next))) throw conflict('订单刚刚有了变化，请刷新后再看');
    if (holdsPlace(order)) await releasePlace(order.itemId, order.slot, order.orgId!);
    if (byAdmin) await tellOrderer(order, 'ORDER_STATUS', '已取消', input.reason || '社区工作人员取消了预约');
    return orderView(next, rel, ctx.now);
  },
});
