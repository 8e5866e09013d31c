/**
 * checkIn — a volunteer with a seat scans the organizer's rotating code and sends where they are; accepted from an
 * hour before the start until the end, within the activity's radius. A second check-in changes nothing and
 * returns the first (a conditional update on "not checked in yet").
 * Input: { activityId, code, location }. Result: AttendanceResult.
 * Errors: INVALID_INPUT (code malformed, of another activity, forged or expired; location outside the radius,
 * with the distance), UNAUTHENTICATED, FORBIDDEN (not signed up; waiting), NOT_FOUND, CONFLICT (too early, over,
 * cancelled), INTERNAL (check-in not configured).
 * Round trips: 2 (activity, conditional update); 3 when already checked in (the read of the first check-in).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { findById, updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { volunteeringInputs, type AttendanceResult } from '../contract';
import { requireCheckInOpen } from '../domain/schedule';
import { signupIdOf, SIGNUPS, type SignupDoc } from '../documents';
import { requireInside, scanned } from '../steps/attendance';

export default action({
  input: volunteeringInputs.checkIn,
  async run(input, ctx): Promise<AttendanceResult> {
    const { a, seat, distance } = await scanned(input, ctx.openid, ctx.now);
    requireCheckInOpen(a, ctx.now);
    requireInside(distance, a.checkinRadiusM, '签到');
    const sid = signupIdOf(a._id, seat.entry.v);
    const res = await db
      .collection(SIGNUPS)
      .where({ _id: sid, state: 'active', checkInAt: _.exists(false) })
      .update({ data: { checkInAt: ctx.now, checkInDistanceM: distance.distanceM } });
    if (updatedCount(res) === 1)
      return { at: ctx.now.toISOString(), distanceM: distance.distanceM, already: false };
    const s = await findById<SignupDoc>(SIGNUPS, sid);
    if (!s?.checkInAt) throw conflict('报名记录不完整，请联系组织者现场登记');
    return { at: s.checkInAt.toISOString(), distanceM: s.checkInDistanceM ?? 0, already: true };
  },
});
