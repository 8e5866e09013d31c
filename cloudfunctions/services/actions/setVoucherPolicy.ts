/**
 * setVoucherPolicy — an admin of a community sets its monthly voucher (0–1000 yuan) and who gets it (any of
 * 80+, disabled, low income). Applies from the next monthly grant; this month's vouchers stay as granted.
 * Input: { communityId, monthlyYuan, eligibility }. Result: { communityId, monthlyFen, eligibility, text }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (outside the admin's scope), NOT_FOUND (community).
 * Round trips: 2.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { notFound } from '../../common/errors';
import { servicesInputs } from '../contract';
import { eligibilityText } from '../domain/eligibility';
import { fenOf, yuanText } from '../domain/menu';
import { readWithCaller } from '../../common/joins';
import { POLICIES, type PolicyDoc } from '../documents';
import { PLACES, type PlaceRef } from '../../common/directory/places';

export default action({
  input: servicesInputs.setVoucherPolicy,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [{ as: 'place', from: PLACES, match: { _id: input.communityId } }]);
    const place = r.one<PlaceRef>('place');
    if (!place || place.level !== 'community') throw notFound('社区');
    requireAdminOver(r.caller, place.path);
    const policy: Omit<PolicyDoc, '_id'> = {
      monthlyFen: fenOf(input.monthlyYuan),
      eligibility: [...new Set(input.eligibility)],
      setBy: r.caller._id,
      updatedAt: ctx.now,
    };
    await db.collection(POLICIES).doc(place._id).set({ data: policy });
    return {
      communityId: place._id,
      monthlyFen: policy.monthlyFen,
      eligibility: policy.eligibility,
      text: `${eligibilityText(policy.eligibility).replace('可以预约', '')}每月 ${yuanText(policy.monthlyFen)}，下月起生效`,
    };
  },
});
