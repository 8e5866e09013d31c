/**
 * activityDetail — an activity in full, with the caller's standing (seat, place on the waitlist, check-in and
 * check-out times) and whether they organize it.
 * Input: { activityId, location? }. Result: ActivityDetail. Errors: NOT_FOUND, UNAUTHENTICATED.
 * Round trips: 3 (activity, caller, their sign-up record); 2 when they never signed up.
 */
import { action } from '../../common/action';
import { findById } from '../../common/db';
import { volunteeringInputs } from '../contract';
import { canManage } from '../domain/permissions';
import { detailView, myStanding } from '../domain/views';
import { signupIdOf, SIGNUPS, type SignupDoc } from '../documents';
import { loadActivity } from '../store';

export default action({
  input: volunteeringInputs.activityDetail,
  async run(input, ctx) {
    const a = await loadActivity(input.activityId);
    const me = await ctx.callerIfAny();
    const mine = [...a.members].reverse().find((m) => m.o === ctx.openid);
    const signup = mine ? await findById<SignupDoc>(SIGNUPS, signupIdOf(a._id, mine.v)) : undefined;
    return detailView(
      a,
      ctx.now,
      myStanding(a, ctx.openid, signup),
      me ? canManage(me, a) : false,
      input.location,
    );
  },
});
