/**
 * pointRule — a street's 爱心积分 rule (points per verified hour, expiry, star thresholds) for its admins; the
 * defaults until they set one.
 * Input: { streetId }. Result: PointRuleView. Errors: UNAUTHENTICATED, NOT_FOUND (no such street), FORBIDDEN (not
 * an admin over it). Round trips: 1.
 */
import { action } from '../../common/action';
import { readWithCaller } from '../../common/joins';
import type { PointRuleDoc } from '../../common/points/documents';
import { DEFAULT_RULE } from '../../common/points/ledger';
import { POINT_RULES } from '../../common/points/documents';
import { volunteeringInputs, type PointRuleView } from '../contract';
import { streetJoin, requireStreetAdmin } from '../steps/points';

export default action({
  input: volunteeringInputs.pointRule,
  async run(input, ctx): Promise<PointRuleView> {
    const { caller, one } = await readWithCaller(ctx, [
      streetJoin(input.streetId),
      { as: 'rule', from: POINT_RULES, match: { _id: input.streetId }, limit: 1 },
    ]);
    requireStreetAdmin(caller, one('street'));
    const rule = one<PointRuleDoc>('rule');
    const { pointsPerHour, expiryYears, starHours } = rule ?? DEFAULT_RULE;
    return { streetId: input.streetId, pointsPerHour, expiryYears, starHours: [...starHours], set: !!rule };
  },
});
