/**
 * The admins' work queues over service orders, as query conditions: what is overdue and which residents are due a
 * phone call back. One home for both the services list (services adminOrders) and the counts on an admin's 我的
 * (account workplace), so the badge and the list always agree.
 */
import { SERVICES_LIMITS } from '../../miniprogram/shared/limits';
import { _ } from './cloud';

/** The collection the queues read (services' orders). */
export const SERVICE_ORDERS = 'service_orders';

/**
 * Overdue: sent to the admin, not accepted by the deadline, accepted but nobody came by half an hour after the
 * slot began, or — for a week — checked in outside the community's window or radius.
 */
export function overdueOrders(now: Date): object {
  const t = now.getTime();
  return _.or([
    { escalatedAt: _.exists(true), status: _.in(['submitted', 'matched']) },
    { status: 'matched', acceptDeadline: _.lt(now) },
    { status: 'accepted', slotStart: _.lt(new Date(t - 30 * 60_000)) },
    {
      'checkIn.departures': _.exists(true),
      'checkIn.at': _.gte(new Date(t - SERVICES_LIMITS.checkInExceptionDays * 86_400_000)),
    },
  ]);
}

/** Callbacks due: done a day ago and not rated — phone the resident. */
export function callbackOrders(now: Date): object {
  return {
    status: 'completed',
    survey: _.exists(false),
    completedAt: _.lte(new Date(now.getTime() - SERVICES_LIMITS.callbackAfterHours * 3600_000)),
  };
}
