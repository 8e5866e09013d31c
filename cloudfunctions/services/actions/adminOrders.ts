/**
 * adminOrders — orders of the communities in an admin's scope: `overdue` (sent to the admin, not accepted by
 * the deadline, accepted but nobody came by half an hour after the slot began, or — for a week — checked in
 * outside the community's window or radius, with the staff member's reason), `open` (not yet done),
 * `callback` (done a day ago and not rated: phone the resident), `all`. 20 a page, names masked.
 * Input: { view, communityId?, offset, limit }. Result: Page<OrderCard>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin). Round trips: 2.
 */
import { action } from '../../common/action';
import { adminGrants, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { listPage } from '../../common/paging';
import { SERVICES_LIMITS, servicesInputs } from '../contract';
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
    const now = ctx.now.getTime();
    const views: Record<typeof input.view, [object, string, 'asc' | 'desc']> = {
      overdue: [
        _.or([
          { escalatedAt: _.exists(true), status: _.in(['submitted', 'matched']) },
          { status: 'matched', acceptDeadline: _.lt(ctx.now) },
          { status: 'accepted', slotStart: _.lt(new Date(now - 30 * 60_000)) },
          {
            'checkIn.departures': _.exists(true),
            'checkIn.at': _.gte(new Date(now - SERVICES_LIMITS.checkInExceptionDays * 86_400_000)),
          },
        ]),
        'slotStart',
        'asc',
      ],
      open: [{ status: _.in(OPEN) }, 'slotStart', 'asc'],
      callback: [
        {
          status: 'completed',
          survey: _.exists(false),
          completedAt: _.lte(new Date(now - SERVICES_LIMITS.callbackAfterHours * 3600_000)),
        },
        'completedAt',
        'asc',
      ],
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
