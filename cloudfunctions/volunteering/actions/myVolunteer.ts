/**
 * myVolunteer — the caller's volunteer profile with hours, badge (by their street's star thresholds) and record
 * (late cancellations, no-shows); for a resident who is not a volunteer yet, what becoming one will ask for.
 * Input: {}. Result: MyVolunteerView. Errors: UNAUTHENTICATED.
 * Round trips: 2 (the caller with the profile and the street's points rule; hours); 1 for a non-volunteer.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import type { PointRuleDoc } from '../../common/points/documents';
import { ruleJoin, ruleOr } from '../../common/points/store';
import { volunteeringInputs } from '../contract';
import { volunteerView } from '../domain/views';
import { VOLUNTEERS, type VolunteerDoc } from '../documents';
import { LATE_CANCELS_JOIN, lateCancelsOf, signupHours } from '../store';

export default action({
  input: volunteeringInputs.myVolunteer,
  async run(_input, ctx) {
    const joined = await readWithCaller(ctx, [
      { as: 'profile', from: VOLUNTEERS, localField: '_id', foreignField: '_id' },
      { set: { pointsStreetId: _.aggregate.arrayElemAt(['$placePath', 1]) } },
      ruleJoin('rule', 'pointsStreetId'),
      LATE_CANCELS_JOIN,
    ]);
    const { caller, one } = joined;
    const profile = one<VolunteerDoc>('profile');
    const groups = profile
      ? await signupHours({ volunteerId: caller._id }, { newestFirst: true, limit: 1000 })
      : [];
    return volunteerView(
      caller,
      profile,
      groups,
      lateCancelsOf(joined),
      ruleOr(one<PointRuleDoc>('rule')).starHours,
    );
  },
});
