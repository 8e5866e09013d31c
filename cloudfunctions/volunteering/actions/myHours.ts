/**
 * myHours — the volunteer's hours: verified and unverified totals, badge and the next one, their record (late
 * cancellations, no-shows) and one line per activity, newest first.
 * Input: { offset }. Result: MyHoursView (20 lines a page). Errors: UNAUTHENTICATED, FORBIDDEN (not a volunteer).
 * Round trips: 2 (profile by identity, the ledger summed per sign-up).
 */
import { action } from '../../common/action';
import { forbidden } from '../../common/errors';
import { pageOf } from '../../common/paging';
import { VOL_LIMITS, volunteeringInputs, type MyHoursView } from '../contract';
import { hoursLine, summarize } from '../domain/records';
import { signupHours, volunteerByOpenid } from '../store';

export default action({
  input: volunteeringInputs.myHours,
  async run(input, ctx): Promise<MyHoursView> {
    const me = await volunteerByOpenid(ctx.openid);
    if (!me) throw forbidden('请先成为志愿者');
    const groups = await signupHours(
      { volunteerId: me._id },
      { newestFirst: true, limit: VOL_LIMITS.exportRowsMax },
    );
    const page = pageOf(groups, { offset: input.offset, limit: VOL_LIMITS.pageSize });
    return {
      ...summarize(groups),
      lateCancels: me.lateCancels,
      noShows: me.noShows,
      items: page.items.map(hoursLine),
      next: page.next,
    };
  },
});
