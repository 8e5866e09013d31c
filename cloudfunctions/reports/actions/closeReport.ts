/**
 * closeReport — the reporter confirms the problem is solved and rates the handling (1–5 stars).
 * Input: { reportId, rating, comment }. Result: ReportDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the reporter), NOT_FOUND, CONFLICT (not resolved),
 * CONTENT_REJECTED.
 * Round trips: 3 (caller with the report; the update; the followers' messages kept in their message centre).
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { reportsInputs, type ReportDetail } from '../contract';
import { closeMove } from '../domain/flow';
import { reportDetail } from '../domain/views';
import { notifyFollowers } from '../notices';
import { applyMove, readReport } from '../store';

export default action({
  input: reportsInputs.closeReport,
  async run(input, ctx): Promise<ReportDetail> {
    const checked = checkTextEarly(ctx.openid, [input.comment]);
    const { report, standing } = await readReport(ctx, input.reportId);
    if (!standing.reporter) throw forbidden('只有报告人可以确认');
    if (report.status !== 'resolved') throw conflict('部门处理后才能确认');
    await checked();
    const move = closeMove(input.rating, input.comment, ctx.now);
    await applyMove(report, move, ctx.now);
    const after = { ...report, ...move.set, timeline: [...report.timeline, move.step] };
    const others = { ...after, followerOpenids: after.followerOpenids.filter((o) => o !== ctx.openid) };
    await notifyFollowers(others, 'closed', '报告人确认已解决');
    return reportDetail(after, standing, ctx.now, []);
  },
});
