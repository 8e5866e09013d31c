/**
 * reopen — the reporter says it is not solved: back to the department once, with a fresh time to resolve.
 * Input: { reportId, reason }. Result: ReportDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the reporter), NOT_FOUND, CONFLICT (not resolved, or
 * reopened before), CONTENT_REJECTED.
 * Round trips: 3 (caller with the report; the update; the followers' messages kept in their message centre).
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { reportsInputs, type ReportDetail } from '../contract';
import { reopenMove } from '../domain/flow';
import { reportDetail } from '../domain/views';
import { notifyFollowers } from '../notices';
import { applyMove, readReport } from '../store';

export default action({
  input: reportsInputs.reopen,
  async run(input, ctx): Promise<ReportDetail> {
    const checked = checkTextEarly(ctx.openid, [input.reason]);
    const { report, standing } = await readReport(ctx, input.reportId);
    if (!standing.reporter) throw forbidden('只有报告人可以说还没解决');
    if (report.status !== 'resolved') throw conflict('部门处理后才能确认');
    if (report.reopened) throw conflict('已经退回过一次了，请联系街道');
    await checked();
    const move = reopenMove(report, input.reason, ctx.now);
    await applyMove(report, move, ctx.now);
    const after = { ...report, ...move.set, timeline: [...report.timeline, move.step] };
    const others = { ...after, followerOpenids: after.followerOpenids.filter((o) => o !== ctx.openid) };
    await notifyFollowers(others, 'accepted', '报告人说还没解决，部门继续处理');
    return reportDetail(after, standing, ctx.now, []);
  },
});
