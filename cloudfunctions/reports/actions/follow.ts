/**
 * follow — a resident follows a report (or stops): followers get the subscription messages of its progress.
 * The reporter always follows their own.
 * Input: { reportId, follow }. Result: { following }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, CONFLICT (already finished, or one's own report).
 * Round trips: 2 (caller with the report; the update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { conflict } from '../../common/errors';
import { reportsInputs } from '../contract';
import { REPORTS } from '../documents';
import { readReport } from '../store';

export default action({
  input: reportsInputs.follow,
  async run(input, ctx): Promise<{ following: boolean }> {
    const { me, report, standing } = await readReport(ctx, input.reportId);
    if (standing.reporter) throw conflict('自己报告的问题会一直关注');
    if (input.follow && ['closed', 'dismissed'].includes(report.status)) throw conflict('这件事已经结束了');
    await db
      .collection(REPORTS)
      .doc(report._id)
      .update({
        data: input.follow
          ? { followerIds: _.addToSet(me._id), followerOpenids: _.addToSet(ctx.openid) }
          : { followerIds: _.pull(me._id), followerOpenids: _.pull(ctx.openid) },
      });
    return { following: input.follow };
  },
});
