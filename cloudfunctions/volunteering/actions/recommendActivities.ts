/**
 * recommendActivities — activities open for sign-up that suit the volunteer, best first, with the reasons (skills,
 * free at that time, distance from `location` or their usual place). Ones they signed up for are left out.
 * Input: { location? }. Result: { items: (ActivityListItem & { score, reasons })[] } (at most 20).
 * Errors: UNAUTHENTICATED, FORBIDDEN (not a volunteer). Round trips: 2 (profile, candidates).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { forbidden } from '../../common/errors';
import { VOL_LIMITS, volunteeringInputs, type ActivityListItem } from '../contract';
import { rankByFit, scoreFit } from '../domain/recommend';
import { listItem } from '../domain/views';
import { seatCounts } from '../domain/roster';
import { ACTIVITIES, LIST_FIELDS, type ActivityDoc } from '../documents';
import { volunteerByOpenid } from '../store';

export default action({
  input: volunteeringInputs.recommendActivities,
  async run(input, ctx): Promise<{ items: (ActivityListItem & { score: number; reasons: string[] })[] }> {
    const me = await volunteerByOpenid(ctx.openid);
    if (!me) throw forbidden('请先成为志愿者');
    const found = rows<ActivityDoc>(
      await db
        .collection(ACTIVITIES)
        .where({
          status: 'published',
          signupOpensAt: _.lte(ctx.now),
          signupClosesAt: _.gt(ctx.now),
          activeIds: _.neq(me._id),
        })
        .orderBy('startAt', 'asc')
        .field(LIST_FIELDS)
        .limit(VOL_LIMITS.candidatesMax)
        .get(),
    );
    const ranked = rankByFit(
      found.map((a) => ({
        a,
        startAt: a.startAt,
        fit: scoreFit(
          me,
          { ...a, seatsLeft: seatCounts(a.activeCount, a.capacity).seatsLeft },
          input.location,
        ),
      })),
    );
    return {
      items: ranked.slice(0, VOL_LIMITS.pageSize).map(({ a, fit }) => ({
        ...listItem(a, ctx.now, input.location ?? me.location),
        score: fit.score,
        reasons: fit.reasons,
      })),
    };
  },
});
