/**
 * acceptOrder — 接单: a member of the matched organization's staff takes the work order. Conditional on the
 * order still waiting for that organization, so when several staff tap at once exactly one gets it. The
 * address and phone are shown to them from now on; whoever ordered is told.
 * Input: { orderId }. Result: OrderView (contact revealed; when and where check-in needs no reason).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the matched organization), NOT_FOUND (or
 * another organization's order), CONFLICT (someone else accepted it, or it changed). Round trips: 3
 * (the read, the update, the message kept in the orderer's message centre).
 */
import { action } from '../../common/action';
import { conflict, forbidden } from '../../common/errors';
import { servicesInputs } from '../contract';
import { actorFor } from '../domain/access';
import { transition } from '../domain/orders';
import { orderView } from '../domain/views';
import { tellOrderer } from '../notices';
import { checkInRuleFrom, orderForCaller } from '../steps/orderAccess';
import { writeOrder } from '../store';

export default action({
  input: servicesInputs.acceptOrder,
  async run(input, ctx) {
    const { caller, order, rel, joined } = await orderForCaller(ctx, input.orderId, {
      withCheckInRule: true,
    });
    if (!rel.orgStaff) throw forbidden('只有派单机构的工作人员可以接单');
    if (order.status === 'accepted' && order.staffId !== caller._id)
      throw conflict(`已经被同事 ${order.staffName ?? ''} 接单了`);
    const { order: next } = transition(
      order,
      { kind: 'accept', staffId: caller._id, staffName: caller.nickname },
      actorFor(caller, rel, 'provider'),
      ctx.now,
    );
    if (!(await writeOrder(order, next, { orgId: order.orgId })))
      throw conflict('这个工单刚刚被同事接了，或已经改派');
    await tellOrderer(next, 'ORDER_STATUS', '已接单', `${caller.nickname} 会按时上门`);
    return orderView(next, { ...rel, assignedStaff: true }, ctx.now, checkInRuleFrom(joined));
  },
});
