/**
 * setCheckInRule — an admin of a community sets when and where its staff may check in without giving a reason:
 * from `earlyMinutes` before a slot starts (0–720) until `lateMinutes` after it ends (0–240), within `radiusM`
 * metres (100–5000) of the service address. Applies to check-ins from now on.
 * Input: { communityId, earlyMinutes, lateMinutes, radiusM }. Result: CheckInRuleView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (outside the admin's scope), NOT_FOUND (community).
 * Round trips: 2.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { servicesInputs, type CheckInRuleView } from '../contract';
import { ruleText, type CheckInRule } from '../domain/checkIn';
import { CHECKIN_RULES, type CheckInRuleDoc } from '../documents';
import { PLACES, type PlaceRef } from '../../common/directory/places';

export default action({
  input: servicesInputs.setCheckInRule,
  async run(input, ctx): Promise<CheckInRuleView> {
    const r = await readWithCaller(ctx, [{ as: 'place', from: PLACES, match: { _id: input.communityId } }]);
    const place = r.one<PlaceRef>('place');
    if (!place || place.level !== 'community') throw notFound('社区');
    requireAdminOver(r.caller, place.path);
    const rule: CheckInRule = {
      earlyMinutes: input.earlyMinutes,
      lateMinutes: input.lateMinutes,
      radiusM: input.radiusM,
    };
    const doc: Omit<CheckInRuleDoc, '_id'> = { ...rule, setBy: r.caller._id, updatedAt: ctx.now };
    await db.collection(CHECKIN_RULES).doc(place._id).set({ data: doc });
    return { communityId: place._id, ...rule, text: ruleText(rule) };
  },
});
