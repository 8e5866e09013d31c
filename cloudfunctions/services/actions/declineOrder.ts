/**
 * declineOrder — 无法接单: the matched organization declines with a reason; the order is re-matched at once to
 * another organization with a place (moved in one conditional update of the slot counters), or, when none can
 * take it or it has been re-matched too often, its place is given back and it goes to the community admin.
 * Input: { orderId, reason }. Result: OrderView (as the decliner now sees it).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the matched organization), NOT_FOUND,
 * CONFLICT (no longer waiting for this organization), CONTENT_REJECTED.
 * Round trips: 3 (read with the item, place moved or given back, order).
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { servicesInputs } from '../contract';
import { actorFor, relationTo } from '../domain/access';
import { transition } from '../domain/orders';
import { orderView } from '../domain/views';
import { orderForCaller, itemSide } from '../steps/orderAccess';
import { rematchOne } from '../steps/rematch';

export default action({
  input: servicesInputs.declineOrder,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.reason], 2);
    const { caller, order, rel, joined } = await orderForCaller(ctx, input.orderId, {
      withItem: 'forMatching',
    });
    if (!rel.orgStaff) throw forbidden('只有派单机构的工作人员可以处理这个工单');
    await textChecked();
    const declined = transition(
      order,
      { kind: 'decline', reason: input.reason },
      actorFor(caller, rel, 'provider'),
      ctx.now,
    ).order;
    const next = await rematchOne(order, declined, itemSide(joined), ctx.now);
    if (!next) throw conflict('这个工单刚刚有了变化，请刷新后再看');
    return orderView(next, relationTo({ user: caller, elderIds: [] }, next), ctx.now);
  },
});
