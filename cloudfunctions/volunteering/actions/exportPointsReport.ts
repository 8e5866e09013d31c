/**
 * exportPointsReport — 爱心积分月报 as a spreadsheet for the street office: the months pointsReport gives the
 * page, with the period's totals on top. For admins over the street.
 * Input: { streetId, months ≤ 24 }. Result: ExportedSheet. Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND
 * (no such street), FORBIDDEN (not an admin over it). Nothing is written to the database.
 * Round trips: 3 (as pointsReport).
 */
import { action } from '../../common/action';
import { publishReport, type ExportedSheet } from '../../common/exports/storage';
import { volunteeringInputs } from '../contract';
import { pointsReportSheet } from '../domain/pointsSheet';
import { readPointsReport } from '../steps/pointsReport';

export default action({
  input: volunteeringInputs.exportPointsReport,
  async run(input, ctx): Promise<ExportedSheet> {
    const { caller, street, view } = await readPointsReport(ctx, input);
    return publishReport(pointsReportSheet(view, street.name, ctx.now), {
      capability: 'volunteering',
      userId: caller._id,
    });
  },
});
