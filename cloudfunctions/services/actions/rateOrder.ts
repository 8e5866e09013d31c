/**
 * rateOrder — 回访: after the service the person served, whoever ordered or their family confirm it and rate it
 * (1–5 stars, a comment, and whether they want to complain); this closes the order.
 * Input: { orderId, rating, comment, complaint }. Result: OrderView (status `confirmed`).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the resident side), NOT_FOUND, CONFLICT (not completed,
 * or already rated), CONTENT_REJECTED. Round trips: 2.
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { servicesInputs } from '../contract';
import { actorFor, isResidentSide } from '../domain/access';
import { survey } from '../domain/callbacks';
import { transition } from '../domain/orders';
import { orderView } from '../domain/views';
import { orderForCaller } from '../steps/orderAccess';
import { writeOrder } from '../store';

export default action({
  input: servicesInputs.rateOrder,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.comment], 2);
    const { caller, order, rel } = await orderForCaller(ctx, input.orderId);
    if (!isResidentSide(rel)) throw forbidden('只有接受服务的居民或家属可以评价');
    await textChecked();
    const { order: next } = transition(
      order,
      { kind: 'confirm', survey: survey(input, 'resident', caller._id, ctx.now) },
      actorFor(caller, rel, 'resident'),
      ctx.now,
    );
    if (!(await writeOrder(order, next))) throw conflict('这个订单已经评价过了');
    return orderView(next, rel, ctx.now);
  },
});
