/**
 * listActivities — activities not yet over, by date (soonest first) or near the caller (nearest first), optionally
 * those needing a skill or in a street/community. Anyone logged in may browse; signing up needs a volunteer.
 * Input: { sort: 'date' | 'near', skill?, location? (required for near), placeId?, offset }.
 * Result: Page<ActivityListItem> (20 a page). Errors: INVALID_INPUT (near without a location).
 * Round trips: 1. "Near" ranks the 200 soonest (VOL_LIMITS.candidatesMax) in memory: a district has far fewer
 * upcoming activities than that; beyond it a geo index ($geoNear) would be the next step.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { invalid } from '../../common/errors';
import { toPage } from '../../common/schemas';
import { VOL_LIMITS, volunteeringInputs } from '../contract';
import { listItem } from '../domain/views';
import { ACTIVITIES, LIST_FIELDS, type ActivityDoc } from '../store';

export default action({
  input: volunteeringInputs.listActivities,
  async run(input, ctx) {
    if (input.sort === 'near' && !input.location)
      throw invalid('按距离排序需要您的位置', [{ path: 'location', message: 'required for near' }]);
    const where: Record<string, unknown> = { status: 'published', endAt: _.gt(ctx.now) };
    if (input.skill) where.skills = input.skill;
    if (input.placeId) where.placePath = input.placeId;
    const limit = VOL_LIMITS.pageSize;
    const query = db.collection(ACTIVITIES).where(where).orderBy('startAt', 'asc').field(LIST_FIELDS);
    if (input.sort === 'date') {
      const found = rows<ActivityDoc>(
        await query
          .skip(input.offset)
          .limit(limit + 1)
          .get(),
      );
      return toPage(
        found.map((a) => listItem(a, ctx.now, input.location)),
        input.offset,
        limit,
      );
    }
    const found = rows<ActivityDoc>(await query.limit(VOL_LIMITS.candidatesMax).get());
    const items = found
      .map((a) => listItem(a, ctx.now, input.location))
      .sort((x, y) => x.distanceM! - y.distanceM!);
    return toPage(items.slice(input.offset, input.offset + limit + 1), input.offset, limit);
  },
});
