/**
 * checkOut — the volunteer scans the code again when leaving, within the radius; the minutes between check-in and
 * now (capped at the scheduled duration) are credited to the hours ledger, unverified until the organizer
 * confirms. Accepted until two hours after the end; later the timer closes forgotten check-outs. A second
 * check-out changes nothing and returns the first.
 * Input: { activityId, code, location }. Result: AttendanceResult (with minutes and capped).
 * Errors: INVALID_INPUT (code; location outside the radius, with the distance), UNAUTHENTICATED, FORBIDDEN (not
 * signed up; waiting), NOT_FOUND, CONFLICT (not checked in; past the grace period; cancelled), INTERNAL.
 * Round trips: 3 (activity, find-and-modify of the sign-up, ledger insert); already checked out: 3 (the third
 * reads the first check-out).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { findById, isDuplicateKey } from '../../common/db';
import { conflict } from '../../common/errors';
import { volunteeringInputs, type AttendanceResult } from '../contract';
import { creditedMinutes, planCredit } from '../domain/hours';
import { requireCheckOutOpen } from '../domain/schedule';
import { entryBaseOf, HOURS, hoursEntry, signupIdOf, SIGNUPS, type SignupDoc } from '../documents';
import { findAndUpdate } from '../store';
import { requireInside, scanned } from '../steps/attendance';

export default action({
  input: volunteeringInputs.checkOut,
  async run(input, ctx): Promise<AttendanceResult> {
    const { a, seat, distance } = await scanned(input, ctx.openid, ctx.now);
    requireCheckOutOpen(a, ctx.now);
    requireInside(distance, a.checkinRadiusM, '签退');
    const sid = signupIdOf(a._id, seat.entry.v);
    const s = await findAndUpdate<SignupDoc>(
      SIGNUPS,
      { _id: sid, state: 'active', checkInAt: _.exists(true), checkOutAt: _.exists(false) },
      { checkOutAt: ctx.now, checkOutDistanceM: distance.distanceM },
    );
    if (!s) {
      const existing = await findById<SignupDoc>(SIGNUPS, sid);
      if (!existing?.checkInAt) throw conflict('您还没有签到，请先签到');
      const out = existing.checkOutAt!;
      return {
        at: out.toISOString(),
        distanceM: existing.checkOutDistanceM ?? 0,
        already: true,
        ...creditedMinutes(existing.checkInAt, out, a),
        ...(existing.autoClosed ? { autoClosed: true } : {}),
      };
    }
    const credit = creditedMinutes(s.checkInAt!, ctx.now, a);
    const entry = hoursEntry(entryBaseOf(s), 1, planCredit(credit.minutes), 'system', ctx.now, {
      ...(credit.capped ? { capped: true } : {}),
    });
    try {
      await db.collection(HOURS).add({ data: entry });
    } catch (err) {
      // The organizer already recorded hours for this sign-up by hand: theirs stand.
      if (!isDuplicateKey(err)) throw err;
    }
    return { at: ctx.now.toISOString(), distanceM: distance.distanceM, already: false, ...credit };
  },
});
