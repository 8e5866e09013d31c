/**
 * reportDetail — a report's page: what and where, photos, its timeline (who took each step, by role and masked
 * name; the reporter only as "居民"), the result, and what the caller may do now (follow, confirm on site, call
 * back, accept, resolve, re-dispatch, confirm or reopen). Admins of its street also get the departments to
 * re-dispatch to.
 * Input: { reportId }. Result: ReportDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND.
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { reportsInputs, type ReportDetail } from '../contract';
import { reportDetail } from '../domain/views';
import { DEPARTMENTS, type DepartmentDoc } from '../documents';
import { readReport } from '../store';

export default action({
  input: reportsInputs.reportDetail,
  async run(input, ctx): Promise<ReportDetail> {
    const read = await readReport(ctx, input.reportId, [
      { set: { reportStreet: _.aggregate.arrayElemAt(['$report.streetId', 0]) } },
      {
        as: 'departments',
        from: DEPARTMENTS,
        let: { s: '$reportStreet' },
        expr: { $eq: ['$streetId', '$$s'] },
        sort: { name: 1 },
        limit: 100,
        project: { name: 1 },
      },
    ]);
    return reportDetail(read.report, read.standing, ctx.now, read.all<DepartmentDoc>('departments'));
  },
});
