/**
 * setPointRule — a street admin sets how many 爱心积分 a verified hour earns there, when points expire and the
 * star thresholds. Applies to hours verified from now on (points already earned stay as they are).
 * Input: { streetId, pointsPerHour, expiryYears, starHours }. Result: PointRuleView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such street), FORBIDDEN (not an admin over it).
 * Round trips: 2 (the caller with the street; the rule written whole).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import { POINT_RULES, type PointRuleDoc } from '../../common/points/documents';
import { volunteeringInputs, type PointRuleView } from '../contract';
import { requireStreetAdmin, streetJoin } from '../steps/points';

export default action({
  input: volunteeringInputs.setPointRule,
  async run(input, ctx): Promise<PointRuleView> {
    const { caller, one } = await readWithCaller(ctx, [streetJoin(input.streetId)]);
    requireStreetAdmin(caller, one('street'));
    const { streetId, pointsPerHour, expiryYears, starHours } = input;
    const rule: Omit<PointRuleDoc, '_id'> = {
      pointsPerHour,
      expiryYears,
      starHours,
      updatedBy: caller._id,
      updatedAt: ctx.now,
    };
    await db.collection(POINT_RULES).doc(streetId).set({ data: rule });
    return { streetId, pointsPerHour, expiryYears, starHours, set: true };
  },
});
