/**
 * dispatch — a street admin sends a report to (another) department of the street: a matter the list put with the
 * wrong department, or one waiting for a patrol that should not wait. Deadlines start again from now.
 * Input: { reportId, departmentId, note }. Result: ReportDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin over its street), NOT_FOUND (report,
 * department), CONFLICT (already resolved or finished).
 * Round trips: 3 (caller with the report and the department; the update; the followers' messages kept in their
 * message centre in one write).
 */
import { action } from '../../common/action';
import { conflict, forbidden, notFound } from '../../common/errors';
import { maskName } from '../../common/mask';
import { reportsInputs, type ReportDetail } from '../contract';
import { dispatchMove } from '../domain/flow';
import { nameOf } from '../domain/people';
import { reportDetail } from '../domain/views';
import { DEPARTMENTS, type DepartmentDoc } from '../documents';
import { notifyFollowers } from '../notices';
import { applyMove, readReport } from '../store';

export default action({
  input: reportsInputs.dispatch,
  async run(input, ctx): Promise<ReportDetail> {
    const read = await readReport(ctx, input.reportId, [
      {
        as: 'department',
        from: DEPARTMENTS,
        match: { _id: input.departmentId },
        limit: 1,
        project: { name: 1, streetId: 1 },
      },
    ]);
    const { me, report, standing } = read;
    if (!standing.admin) throw forbidden('只有街道管理员可以派单');
    const department = read.one<DepartmentDoc>('department');
    if (!department || department.streetId !== report.streetId) throw notFound('部门');
    if (!['patrol', 'dispatched', 'accepted'].includes(report.status))
      throw conflict('这条报告已经办结，不能再派');
    const move = dispatchMove(report, department, `街道 ${maskName(nameOf(me))}`, input.note, ctx.now);
    await applyMove(report, move, ctx.now);
    const after = { ...report, ...move.set, timeline: [...report.timeline, move.step] };
    await notifyFollowers(after, 'dispatched', `已派给${department.name}`);
    return reportDetail(after, standing, ctx.now, []);
  },
});
