/**
 * accept — the department's staff take on a report dispatched to them (the time to respond stops here).
 * Input: { reportId }. Result: ReportDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of its department), NOT_FOUND, CONFLICT (not
 * waiting to be accepted).
 * Round trips: 3 (caller with the report and their departments; the update; the followers' messages kept in
 * their message centre in one write).
 */
import { action } from '../../common/action';
import { conflict, forbidden } from '../../common/errors';
import { maskName } from '../../common/mask';
import { reportsInputs, type ReportDetail } from '../contract';
import { acceptMove } from '../domain/flow';
import { nameOf } from '../domain/people';
import { reportDetail } from '../domain/views';
import { notifyFollowers } from '../notices';
import { applyMove, readReport } from '../store';

export default action({
  input: reportsInputs.accept,
  async run(input, ctx): Promise<ReportDetail> {
    const { me, report, standing } = await readReport(ctx, input.reportId);
    if (!standing.staff) throw forbidden('只有承办部门的工作人员可以受理');
    if (report.status !== 'dispatched') throw conflict('这条报告不在待受理状态');
    const move = acceptMove(`${report.departmentName} ${maskName(nameOf(me))}`, ctx.now);
    const respondMs = ctx.now.getTime() - (report.dispatchedAt ?? report.createdAt).getTime();
    await applyMove(report, move, ctx.now, { respondMs });
    const after = { ...report, ...move.set, respondMs, timeline: [...report.timeline, move.step] };
    await notifyFollowers(after, 'accepted', `${report.departmentName}已受理`);
    return reportDetail(after, standing, ctx.now, []);
  },
});
