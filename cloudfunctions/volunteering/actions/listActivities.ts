/**
 * listActivities — activities not yet over, by date (soonest first) or near the caller (nearest first), optionally
 * those needing a skill or in a street/community. Anyone logged in may browse; signing up needs a volunteer.
 * Input: { sort: 'date' | 'near', skill?, location? (required for near), placeId?, offset }.
 * Result: Page<ActivityListItem> (20 a page). Errors: INVALID_INPUT (near without a location).
 * Round trips: 1. "Near" is a geoNear query on the activities' 2dsphere-indexed `point`: the database returns
 * them nearest first, a page at a time, however many there are.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { nearestTo } from '../../common/db';
import { invalid } from '../../common/errors';
import { listPage } from '../../common/paging';
import { VOL_LIMITS, volunteeringInputs } from '../contract';
import { listItem } from '../domain/views';
import { ACTIVITIES, LIST_FIELDS, type ActivityDoc } from '../documents';

export default action({
  input: volunteeringInputs.listActivities,
  async run(input, ctx) {
    if (input.sort === 'near' && !input.location)
      throw invalid('按距离排序需要您的位置', [{ path: 'location', message: 'required for near' }]);
    const where: Record<string, unknown> = { status: 'published', endAt: _.gt(ctx.now) };
    if (input.skill) where.skills = input.skill;
    if (input.placeId) where.placePath = input.placeId;
    const limit = VOL_LIMITS.pageSize;
    const near = input.sort === 'near' && input.location;
    const query = near
      ? db.collection(ACTIVITIES).where({ ...where, point: nearestTo(near) })
      : db.collection(ACTIVITIES).where(where).orderBy('startAt', 'asc');
    return listPage(query.field(LIST_FIELDS), { offset: input.offset, limit }, (a: ActivityDoc) =>
      listItem(a, ctx.now, input.location),
    );
  },
});
