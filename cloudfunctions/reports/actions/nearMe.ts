/**
 * nearMe — reports near the caller for the map and the list: within 3 km, nearest first, at most 50 (a geoNear
 * query on the reports' 2dsphere-indexed point: one round trip however many reports there are). Public view:
 * nothing about who reported; photos and what the problem is.
 * Input: { location }. Result: ReportCard[].
 * Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 2 (the caller; the query).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { nearestTo, rows } from '../../common/db';
import { REPORTS_LIMITS, reportsInputs, type ReportCard } from '../contract';
import { reportCard } from '../domain/views';
import { REPORTS, type ReportDoc } from '../documents';

export default action({
  input: reportsInputs.nearMe,
  async run(input, ctx): Promise<ReportCard[]> {
    await ctx.caller();
    const res = await db
      .collection(REPORTS)
      .where({
        point: nearestTo(input.location, REPORTS_LIMITS.nearMetres) as never,
        status: _.neq('dismissed'),
      })
      .limit(REPORTS_LIMITS.nearMax)
      .field({ timeline: false, reporterOpenid: false, reporterId: false, followerOpenids: false })
      .get();
    return rows<ReportDoc>(res).map((r) => reportCard(r, ctx.now, { from: input.location }));
  },
});
