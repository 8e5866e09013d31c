/**
 * phoneCallback — 电话回访: an admin of the community phones a resident who has not rated a completed service
 * and records their answer, which closes the order as if they had rated it themselves.
 * Input: { orderId, rating, comment, complaint }. Result: OrderView (status `confirmed`, survey by phone).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the community), NOT_FOUND, CONFLICT (not
 * completed, or already rated), CONTENT_REJECTED. Round trips: 2.
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { servicesInputs } from '../contract';
import { workActor } from '../domain/access';
import { survey } from '../domain/callbacks';
import { transition } from '../domain/orders';
import { orderView } from '../domain/views';
import { orderForCaller } from '../steps/orderAccess';
import { writeOrder } from '../store';

export default action({
  input: servicesInputs.phoneCallback,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.comment], 2);
    const { caller, order, rel } = await orderForCaller(ctx, input.orderId);
    if (!rel.admin) throw forbidden('只有该社区的管理员可以电话回访');
    await textChecked();
    const { order: next } = transition(
      order,
      { kind: 'confirm', survey: survey(input, 'phone', caller._id, ctx.now) },
      workActor(caller, 'admin'),
      ctx.now,
    );
    if (!(await writeOrder(order, next))) throw conflict('这个订单已经评价过了');
    return orderView(next, rel, ctx.now);
  },
});
