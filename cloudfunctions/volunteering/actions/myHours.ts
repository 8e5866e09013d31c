/**
 * myHours — the volunteer's hours: verified and unverified totals, badge and the next one (by the street's star
 * thresholds), their record (late
 * cancellations, no-shows) and one line per activity, newest first.
 * Input: { offset }. Result: MyHoursView (20 lines a page). Errors: UNAUTHENTICATED, FORBIDDEN (not a volunteer).
 * Round trips: 3 (profile by identity; the ledger summed per sign-up and the street's points rule, for its star
 * thresholds, at once).
 */
import { action } from '../../common/action';
import { findById } from '../../common/db';
import { forbidden } from '../../common/errors';
import { POINT_RULES, type PointRuleDoc } from '../../common/points/documents';
import { ruleOr } from '../../common/points/store';
import { pageOf } from '../../common/paging';
import { VOL_LIMITS, volunteeringInputs, type MyHoursView } from '../contract';
import { hoursLine, summarize } from '../domain/records';
import { signupHours, volunteerByOpenid } from '../store';

export default action({
  input: volunteeringInputs.myHours,
  async run(input, ctx): Promise<MyHoursView> {
    const me = await volunteerByOpenid(ctx.openid);
    if (!me) throw forbidden('请先成为志愿者');
    const [groups, rule] = await Promise.all([
      signupHours({ volunteerId: me._id }, { newestFirst: true, limit: VOL_LIMITS.exportRowsMax }),
      findById<PointRuleDoc>(POINT_RULES, me.placePath[1] ?? ''),
    ]);
    const page = pageOf(groups, { offset: input.offset, limit: VOL_LIMITS.pageSize });
    return {
      ...summarize(groups, ruleOr(rule).starHours),
      lateCancels: me.lateCancels,
      noShows: me.noShows,
      items: page.items.map(hoursLine),
      next: page.next,
    };
  },
});
