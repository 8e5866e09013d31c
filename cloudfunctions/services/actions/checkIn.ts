/**
 * checkIn — 签到: the staff member who accepted the order arrives and starts the service; the time and the
 * phone's location are kept (a check-in far from the resident's community is flagged for the admin), and
 * whoever ordered is told.
 * Input: { orderId, location }. Result: OrderView (status `in_service`).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the staff member who accepted), NOT_FOUND, CONFLICT
 * (not accepted, or already started). Round trips: 2.
 */
import { action } from '../../common/action';
import { conflict, forbidden } from '../../common/errors';
import { servicesInputs } from '../contract';
import { actorFor } from '../domain/access';
import { haversineKm } from '../domain/matching/geo';
import { transition } from '../domain/orders';
import { communityCentre } from '../domain/places';
import { orderView } from '../domain/views';
import { tellOrderer } from '../notices';
import { orderForCaller } from '../orderAccess';
import { writeOrder } from '../writes';

export default action({
  input: servicesInputs.checkIn,
  async run(input, ctx) {
    const { caller, order, rel } = await orderForCaller(ctx, input.orderId);
    if (!rel.assignedStaff) throw forbidden('只有接单的工作人员可以签到');
    const { latitude, longitude } = input.location;
    const distanceKm =
      Math.round(haversineKm({ lat: latitude, lng: longitude }, communityCentre(order.communityId)) * 100) /
      100;
    const { order: next } = transition(
      order,
      { kind: 'checkIn', latitude, longitude, distanceKm },
      actorFor(caller, rel, 'provider'),
      ctx.now,
    );
    if (!(await writeOrder(order, next, { staffId: caller._id })))
      throw conflict('工单刚刚有了变化，请刷新后再看');
    await tellOrderer(next, 'ORDER_STATUS', '服务中', `${caller.nickname} 已到达，开始服务`);
    return orderView(next, rel, ctx.now);
  },
});
