/**
 * myVolunteer — the caller's volunteer profile with hours, badge and record (late cancellations, no-shows); for a
 * resident who is not a volunteer yet, what becoming one will ask for.
 * Input: {}. Result: MyVolunteerView. Errors: UNAUTHENTICATED.
 * Round trips: 3 (caller, profile, hours); 2 for a non-volunteer.
 */
import { action } from '../../common/action';
import { findById } from '../../common/db';
import { volunteeringInputs } from '../contract';
import { volunteerView } from '../domain/views';
import { VOLUNTEERS, type VolunteerDoc } from '../documents';
import { signupHours } from '../store';

export default action({
  input: volunteeringInputs.myVolunteer,
  async run(_input, ctx) {
    const me = await ctx.caller();
    const profile = await findById<VolunteerDoc>(VOLUNTEERS, me._id);
    const groups = profile
      ? await signupHours({ volunteerId: me._id }, { newestFirst: true, limit: 1000 })
      : [];
    return volunteerView(me, profile, groups);
  },
});
