/**
 * organizerActivities — the activities the caller organizes: their organization's (staff) and every one in their
 * scope (admins). Upcoming: not yet over, soonest first; past: over, latest first.
 * Input: { filter: 'upcoming' | 'past', offset }. Result: Page<ActivityListItem> (20 a page).
 * Errors: UNAUTHENTICATED, FORBIDDEN (neither staff nor admin). Round trips: 2.
 */
import { action } from '../../common/action';
import { adminGrants, providerOrgIds } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { forbidden } from '../../common/errors';
import { listPage } from '../../common/paging';
import { VOL_LIMITS, volunteeringInputs } from '../contract';
import { listItem } from '../domain/views';
import { ACTIVITIES, LIST_FIELDS, type ActivityDoc } from '../documents';

export default action({
  input: volunteeringInputs.organizerActivities,
  async run(input, ctx) {
    const me = await ctx.caller();
    const orgIds = providerOrgIds(me);
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    if (orgIds.length === 0 && scopes.length === 0) throw forbidden('只有机构工作人员或管理员可以管理活动');
    const mine = _.or([{ 'organizer.id': _.in(orgIds) }, { placePath: _.in(scopes) }]);
    const upcoming = input.filter === 'upcoming';
    const limit = VOL_LIMITS.pageSize;
    return listPage(
      db
        .collection(ACTIVITIES)
        .where(_.and([mine, { endAt: upcoming ? _.gt(ctx.now) : _.lte(ctx.now) }]))
        .orderBy(upcoming ? 'startAt' : 'endAt', upcoming ? 'asc' : 'desc')
        .field(LIST_FIELDS),
      { offset: input.offset, limit },
      (a: ActivityDoc) => listItem(a, ctx.now),
    );
  },
});
