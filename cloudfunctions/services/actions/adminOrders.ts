/**
 * adminOrders — orders of the communities in an admin's scope: `overdue` (sent to the admin, not accepted by
 * the deadline, accepted but nobody came by half an hour after the slot began, or — for a week — checked in
 * outside the community's window or radius, with the staff member's reason), `open` (not yet done),
 * `callback` (done a day ago and not rated: phone the resident), `all`. 20 a page, names masked.
 * Input: { view, communityId?, offset, limit }. Result: Page<OrderCard>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin). Round trips: 2.
 */
import { action } from '../../common/action';
import { callbackOrders, overdueOrders } from '../../common/adminQueues';
import { adminGrants, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { listPage } from '../../common/paging';
import { servicesInputs } from '../contract';
import { orderCard } from '../domain/views';
import { ORDERS } from '../documents';

const OPEN = ['submitted', 'matched', 'accepted', 'in_service'];

export default action({
  input: servicesInputs.adminOrders,
  async run(input, ctx) {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    const scope: Record<string, unknown> = { placePath: _.in(adminGrants(me).map((g) => g.scopeId!)) };
    if (input.communityId) scope.communityId = input.communityId;
    const views: Record<typeof input.view, [object, string, 'asc' | 'desc']> = {
      overdue: [overdueOrders(ctx.now), 'slotStart', 'asc'],
      open: [{ status: _.in(OPEN) }, 'slotStart', 'asc'],
      callback: [callbackOrders(ctx.now), 'completedAt', 'asc'],
      all: [{}, 'createdAt', 'desc'],
    };
    const [where, field, dir] = views[input.view];
    return listPage(
      db
        .collection(ORDERS)
        .where(_.and([scope, where]))
        .orderBy(field, dir),
      input,
      orderCard,
      { fields: { timeline: false, checkOut: false, address: false, phone: false } },
    );
  },
});
