/**
 * updateVolunteer — a volunteer edits their skills, availability, usual location, service radius and intro, and
 * whether they may be named on the community's yearly thank-you page.
 * Input: any of those (`location: null` forgets it). Result: MyVolunteerView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not a volunteer), CONTENT_REJECTED.
 * Round trips: 3 (find-and-modify the profile by identity, caller, hours).
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { forbidden } from '../../common/errors';
import { volunteeringInputs } from '../contract';
import { volunteerView } from '../domain/views';
import { VOLUNTEERS, type VolunteerDoc } from '../documents';
import { findAndUpdate, LATE_CANCELS_JOIN, lateCancelsOf, signupHours } from '../store';
import { readWithCaller } from '../../common/joins';

export default action({
  input: volunteeringInputs.updateVolunteer,
  async run(input, ctx) {
    await checkText(ctx.openid, [input.intro], 1);
    const set: Record<string, unknown> = { updatedAt: ctx.now };
    for (const key of ['skills', 'availability', 'serviceRadiusKm', 'intro', 'publicThanks'] as const)
      if (input[key] !== undefined) set[key] = input[key];
    if (input.location === null) set.location = _.remove();
    else if (input.location) set.location = input.location;
    const profile = await findAndUpdate<VolunteerDoc>(VOLUNTEERS, { openid: ctx.openid }, set);
    if (!profile) throw forbidden('请先成为志愿者');
    const joined = await readWithCaller(ctx, [LATE_CANCELS_JOIN]);
    const me = joined.caller;
    return volunteerView(
      me,
      profile,
      await signupHours({ volunteerId: me._id }, { newestFirst: true, limit: 1000 }),
      lateCancelsOf(joined),
    );
  },
});
