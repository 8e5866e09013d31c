/**
 * resolve — the department's staff say the problem is solved, with a photo of the result; the reporter and the
 * followers are told, and the reporter may confirm or reopen it (once).
 * Input: { reportId, note, photos }. Result: ReportDetail.
 * Errors: INVALID_INPUT (not one's own photos), UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (not accepted),
 * CONTENT_REJECTED (text or a photo).
 * Round trips: 3 (caller with the report and their departments; the update; the followers' messages kept in
 * their message centre in one write).
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { maskName } from '../../common/mask';
import { checkPhotosEarly } from '../../common/imageCheck';
import { requireOwnUploads } from '../../common/uploads';
import { REPORTS_LIMITS, reportsInputs, type ReportDetail } from '../contract';
import { resolveMove } from '../domain/flow';
import { nameOf } from '../domain/people';
import { reportDetail } from '../domain/views';
import { notifyFollowers } from '../notices';
import { applyMove, readReport } from '../store';

export default action({
  input: reportsInputs.resolve,
  async run(input, ctx): Promise<ReportDetail> {
    const checked = checkTextEarly(ctx.openid, [input.note]);
    const photosChecked = checkPhotosEarly(input.photos, 'photos');
    const { me, report, standing } = await readReport(ctx, input.reportId);
    if (!standing.staff) throw forbidden('只有承办部门的工作人员可以办结');
    if (report.status !== 'accepted') throw conflict('请先受理再办结');
    requireOwnUploads(input.photos, { folder: REPORTS_LIMITS.photoFolder, userId: me._id, field: 'photos' });
    await Promise.all([checked(), photosChecked()]);
    const move = resolveMove(
      `${report.departmentName} ${maskName(nameOf(me))}`,
      input.note,
      input.photos,
      ctx.now,
    );
    const resolveMs = ctx.now.getTime() - (report.dispatchedAt ?? report.createdAt).getTime();
    await applyMove(report, move, ctx.now, { resolveMs });
    const after = { ...report, ...move.set, resolveMs, timeline: [...report.timeline, move.step] };
    await notifyFollowers(after, 'resolved', input.note);
    return reportDetail(after, standing, ctx.now, []);
  },
});
