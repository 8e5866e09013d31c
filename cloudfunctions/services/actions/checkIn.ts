/**
 * checkIn — 签到: the staff member who accepted the order arrives and starts the service; the time and the
 * phone's location are kept, and whoever ordered is told. Check-in needs no reason inside its community's
 * window around the slot and within its radius of the service address (domain/checkIn); outside them the staff
 * member must give a reason, which goes on the timeline and puts the order on the admin's exception list.
 * Input: { orderId, location, reason? }. Result: OrderView (status `in_service`).
 * Errors: INVALID_INPUT (bad input; outside the window or radius without a reason: an issue on `reason` and a
 * message saying what is outside), UNAUTHENTICATED, FORBIDDEN (not the staff member who accepted), NOT_FOUND,
 * CONFLICT (not accepted, or already started), CONTENT_REJECTED (the reason). Round trips: 3 (the
 * read, the update, the message kept in the orderer's message centre).
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { servicesInputs } from '../contract';
import { actorFor } from '../domain/access';
import { assessCheckIn, requireReason } from '../domain/checkIn';
import { transition } from '../domain/orders';
import { orderView } from '../domain/views';
import { tellOrderer } from '../notices';
import { checkInRuleFrom, orderForCaller } from '../steps/orderAccess';
import { writeOrder } from '../store';

export default action({
  input: servicesInputs.checkIn,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.reason], 2);
    const { caller, order, rel, joined } = await orderForCaller(ctx, input.orderId, {
      withCheckInRule: true,
    });
    if (!rel.assignedStaff) throw forbidden('只有接单的工作人员可以签到');
    const rule = checkInRuleFrom(joined);
    const { latitude, longitude } = input.location;
    const assessment = assessCheckIn(order, rule, ctx.now, input.location);
    // The state first (a second check-in is a CONFLICT whatever the time), then the evidence rule.
    const { order: next } = transition(
      order,
      {
        kind: 'checkIn',
        latitude,
        longitude,
        distanceKm: Math.round(assessment.distanceM / 10) / 100,
        departures: assessment.departures,
        ...(input.reason ? { reason: input.reason } : {}),
      },
      actorFor(caller, rel, 'provider'),
      ctx.now,
    );
    requireReason(assessment, rule, input.reason);
    await textChecked();
    if (!(await writeOrder(order, next, { staffId: caller._id })))
      throw conflict('工单刚刚有了变化，请刷新后再看');
    const arrived = assessment.departures.length === 0 ? '已到达' : '已签到';
    await tellOrderer(next, 'ORDER_STATUS', '服务中', `${caller.nickname} ${arrived}，开始服务`);
    return orderView(next, rel, ctx.now);
  },
});
