/**
 * patrolConfirm — a member of the grid's team confirms a report on site (photo and location): found, it goes to the
 * department of its matter with its deadlines; not found, it is dismissed. One conditional update from `patrol`,
 * so when twenty members confirm at once exactly one confirmation lands; the others are told it is done.
 * Input: { reportId, found, note, photos, location }. Result: ReportDetail.
 * Errors: INVALID_INPUT (not one's own photos), UNAUTHENTICATED, FORBIDDEN (not on the grid's team), NOT_FOUND,
 * CONTENT_REJECTED (a photo), CONFLICT (not waiting for a patrol: someone confirmed already).
 * Round trips: 3 (caller with the report, grids and departments; the update; the followers' messages kept in
 * their message centre in one write).
 */
import { action } from '../../common/action';
import { conflict, forbidden } from '../../common/errors';
import { maskName } from '../../common/mask';
import { checkPhotosEarly } from '../../common/imageCheck';
import { requireOwnUploads } from '../../common/uploads';
import { REPORTS_LIMITS, reportsInputs, type ReportDetail } from '../contract';
import { TEAM_ROLE_WORDS } from '../domain/access';
import { confirmMove } from '../domain/flow';
import { nameOf } from '../domain/people';
import { reportDetail } from '../domain/views';
import { notifyFollowers } from '../notices';
import { applyMove, readReport } from '../store';

export default action({
  input: reportsInputs.patrolConfirm,
  async run(input, ctx): Promise<ReportDetail> {
    const photosChecked = checkPhotosEarly(input.photos, 'photos');
    const { me, report, standing } = await readReport(ctx, input.reportId);
    if (!standing.team) throw forbidden('只有本网格的网格员可以核实');
    if (report.status !== 'patrol') throw conflict('这条报告已经核实过了');
    requireOwnUploads(input.photos, { folder: REPORTS_LIMITS.photoFolder, userId: me._id, field: 'photos' });
    await photosChecked();
    const by = `${TEAM_ROLE_WORDS[standing.team]} ${maskName(nameOf(me))}`;
    const move = confirmMove(report, input.found, by, input.note, input.photos, ctx.now);
    await applyMove(report, move, ctx.now);
    const after = { ...report, ...move.set, timeline: [...report.timeline, move.step] };
    await notifyFollowers(
      after,
      after.status,
      input.found ? `已核实，派给${report.departmentName}` : '经核实不属实',
    );
    return reportDetail(after, standing, ctx.now, []);
  },
});
