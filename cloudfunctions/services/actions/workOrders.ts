/**
 * workOrders — 工单 for provider staff: `incoming` (matched to their organization, waiting for someone to
 * accept; most urgent first), `mine` (accepted by them or in service; soonest first), `done` (completed by
 * them; latest first). With the staff member's `location`, any view comes nearest first instead (a geoNear query
 * on the orders' 2dsphere-indexed place), each card with its distance. Names are masked; contact details appear
 * in the order once accepted. `today` (on the move): today's orders waiting for their organization or accepted by
 * them, in time order (with the distance when located), each with where to go, the minutes left to accept, and —
 * once theirs — the address and phone. 20 a page.
 * Input: { view, location?, offset, limit }. Result: Page<OrderCard>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not provider staff). Round trips: 2.
 */
import { action } from '../../common/action';
import { providerOrgIds, requireProvider } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { nearestTo } from '../../common/db';
import { listPage } from '../../common/paging';
import { servicesInputs } from '../contract';
import { relationTo } from '../domain/access';
import { todayCard, workOrderCard } from '../domain/views';
import { addDays, dateKey, startOfDate } from '../../../miniprogram/shared/calendar';
import { ORDERS, type OrderDoc } from '../documents';

export default action({
  input: servicesInputs.workOrders,
  async run(input, ctx) {
    const me = await ctx.caller();
    requireProvider(me);
    if (input.view === 'today') {
      const today = dateKey(ctx.now);
      const query = db
        .collection(ORDERS)
        .where(
          _.and([
            { slotStart: _.gte(startOfDate(today)).and(_.lt(startOfDate(addDays(today, 1)))) },
            _.or([
              { orgId: _.in(providerOrgIds(me)), status: 'matched' },
              { staffId: me._id, status: _.in(['accepted', 'in_service']) },
            ]),
          ]),
        )
        .orderBy('slotStart', 'asc');
      return listPage(
        query,
        input,
        (o: OrderDoc) => todayCard(o, relationTo({ user: me, elderIds: [] }, o), ctx.now, input.location),
        { fields: { timeline: false, checkOut: false } },
      );
    }
    const [where, field, dir] =
      input.view === 'incoming'
        ? [{ orgId: _.in(providerOrgIds(me)), status: 'matched' }, 'acceptDeadline', 'asc']
        : input.view === 'mine'
          ? [{ staffId: me._id, status: _.in(['accepted', 'in_service']) }, 'slotStart', 'asc']
          : [{ staffId: me._id, status: _.in(['completed', 'confirmed']) }, 'completedAt', 'desc'];
    const query = input.location
      ? db.collection(ORDERS).where({ ...where, point: nearestTo(input.location) })
      : db.collection(ORDERS).where(where).orderBy(field, dir);
    return listPage(query, input, (o: OrderDoc) => workOrderCard(o, input.location), {
      fields: { timeline: false, checkOut: false, address: false, phone: false },
    });
  },
});
