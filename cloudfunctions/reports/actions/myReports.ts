/**
 * myReports — the reports a resident made or follows, latest first, with where each one is.
 * Input: { offset, limit }. Result: Page<ReportCard>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 2 (the caller; the page).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { listPage } from '../../common/paging';
import { reportsInputs, type Page, type ReportCard } from '../contract';
import { reportCard } from '../domain/views';
import { REPORTS, type ReportDoc } from '../documents';

export default action({
  input: reportsInputs.myReports,
  async run(input, ctx): Promise<Page<ReportCard>> {
    const me = await ctx.caller();
    return listPage<ReportDoc, ReportCard>(
      db.collection(REPORTS).where({ followerIds: me._id }).orderBy('createdAt', 'desc'),
      input,
      (r) => reportCard(r, ctx.now),
    );
  },
});
