/**
 * pointsReport — a street's 爱心积分 by Beijing month, for its admins: issued, spent at the supermarket, given,
 * expired, and the points people hold at each month's end (the liability the supermarket stands behind). Entries
 * count for the street of their place: hours for the activity's, spends for the supermarket's, adjustments for the
 * person's.
 * Input: { streetId, months ≤ 24 }. Result: PointsReportView. Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND
 * (no such street), FORBIDDEN (not an admin over it). Round trips: 3 (the caller with the street; the months'
 * sums; the sum before them).
 */
import { action } from '../../common/action';
import { volunteeringInputs, type PointsReportView } from '../contract';
import { readPointsReport } from '../steps/pointsReport';

export default action({
  input: volunteeringInputs.pointsReport,
  async run(input, ctx): Promise<PointsReportView> {
    return (await readPointsReport(ctx, input)).view;
  },
});
