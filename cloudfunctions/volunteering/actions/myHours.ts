/**
 * myHours — the volunteer's hours: verified and unverified totals, badge and the next one (by the street's star
 * thresholds), their record (late cancellations, no-shows) and one line per activity, newest first.
 * Input: { offset }. Result: MyHoursView (20 lines a page). Errors: UNAUTHENTICATED, FORBIDDEN (not a volunteer).
 * Round trips: 2 (the caller with their profile, the street's points rule for its star thresholds and their late
 * cancellations; the ledger summed per sign-up).
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { firstOf, readWithCaller } from '../../common/joins';
import { forbidden } from '../../common/errors';
import type { PointRuleDoc } from '../../common/points/documents';
import { ruleJoin, ruleOr } from '../../common/points/store';
import { pageOf } from '../../common/paging';
import { VOL_LIMITS, volunteeringInputs, type MyHoursView } from '../contract';
import { hoursLine, summarize } from '../domain/records';
import { VOLUNTEERS, type VolunteerDoc } from '../documents';
import { LATE_CANCELS_JOIN, lateCancelsOf, signupHours } from '../store';

export default action({
  input: volunteeringInputs.myHours,
  async run(input, ctx): Promise<MyHoursView> {
    const joined = await readWithCaller(ctx, [
      { as: 'profile', from: VOLUNTEERS, localField: '_id', foreignField: '_id' },
      { set: { pointsStreetId: _.aggregate.arrayElemAt([firstOf('profile.placePath'), 1]) } },
      ruleJoin('rule', 'pointsStreetId'),
      LATE_CANCELS_JOIN,
    ]);
    const me = joined.one<VolunteerDoc>('profile');
    if (!me) throw forbidden('请先成为志愿者');
    const rule = joined.one<PointRuleDoc>('rule');
    const groups = await signupHours(
      { volunteerId: me._id },
      { newestFirst: true, limit: VOL_LIMITS.exportRowsMax },
    );
    const page = pageOf(groups, { offset: input.offset, limit: VOL_LIMITS.pageSize });
    return {
      ...summarize(groups, ruleOr(rule).starHours),
      lateCancels: lateCancelsOf(joined),
      noShows: me.noShows,
      items: page.items.map(hoursLine),
      next: page.next,
    };
  },
});
