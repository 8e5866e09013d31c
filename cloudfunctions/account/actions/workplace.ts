/**
 * workplace — the counts on an admin's 我的, for the places they administer only: service items waiting for
 * approval and held stories to review (待审核), overdue orders, residents due a call back, and wishes (微心愿)
 * running out within a week. The queues are the ones the admins' lists show (common/adminQueues).
 * Input: {}. Result: WorkplaceCounts (each capped at {@link WORKPLACE_CAP}: the badge says 99+).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin). Round trips: 2 (the caller; one aggregation
 * that joins the four queues, ids only).
 */
import { action } from '../../common/action';
import { SERVICE_ORDERS, callbackOrders, overdueOrders } from '../../common/adminQueues';
import { adminGrants, requireAnyAdmin } from '../../common/auth';
import { _ } from '../../common/cloud';
import { readWithCaller, type Join } from '../../common/joins';
import { accountInputs, type WorkplaceCounts } from '../contract';

/** The most a count reads (shown as 99+ beyond). */
export const WORKPLACE_CAP = 100;
/** A wish runs out "soon" within this many days. */
const EXPIRING_DAYS = 7;

const ids = (as: string, from: string, match: object): Join => ({
  as,
  from,
  match: match as Record<string, unknown>,
  limit: WORKPLACE_CAP,
  project: { _id: 1 },
});

export default action({
  input: accountInputs.workplace,
  async run(_input, ctx): Promise<WorkplaceCounts> {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const inScope = { placePath: _.in(scopes) };
    const soon = new Date(ctx.now.getTime() + EXPIRING_DAYS * 86_400_000);
    const joined = await readWithCaller(ctx, [
      ids('items', 'service_items', { status: 'proposed', scopePath: _.in(scopes) }),
      ids('stories', 'charity_needs', {
        ...inScope,
        closed: false,
        moderation: 'review',
        storyReview: _.exists(false),
      }),
      ids('overdue', SERVICE_ORDERS, _.and([inScope, overdueOrders(ctx.now)])),
      ids('callbacks', SERVICE_ORDERS, _.and([inScope, callbackOrders(ctx.now)])),
      ids('expiring', 'charity_needs', {
        ...inScope,
        closed: false,
        available: _.gt(0),
        deadline: _.and(_.gte(ctx.now), _.lte(soon)),
      }),
    ]);
    const n = (as: string) => joined.all(as).length;
    return {
      toApprove: n('items') + n('stories'),
      overdue: n('overdue'),
      callbacksDue: n('callbacks'),
      needsExpiring: n('expiring'),
      expiringDays: EXPIRING_DAYS,
      cap: WORKPLACE_CAP,
    };
  },
});
