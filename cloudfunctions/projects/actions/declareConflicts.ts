/**
 * declareConflicts — a reviewer declares, once and before reading any bid, the organizations they have a conflict
 * of interest with (none is a declaration too). They will never see or score those bids. One conditional update
 * (no declaration of theirs yet), so a second declaration cannot replace the first.
 * Input: { callId, orgIds }. Result: ReviewSheet-free ack { declared: true, conflicts }.
 * Errors: INVALID_INPUT (an organization that did not bid), UNAUTHENTICATED, FORBIDDEN (not a reviewer of the
 * call), NOT_FOUND, CONFLICT (not in review; declared already).
 * Round trips: 2 (caller with the call, the update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, forbidden, invalid } from '../../common/errors';
import { reviewInputs } from '../contract';
import { CALLS } from '../documents';
import { readCall } from '../steps/callAccess';

export default action({
  input: reviewInputs.declareConflicts,
  async run(input, ctx): Promise<{ declared: true; conflicts: number }> {
    const { me, call } = await readCall(ctx, input.callId);
    if (!call.reviewerIds.includes(me._id)) throw forbidden('您不是这个项目的评审专家');
    if (call.status !== 'reviewing') throw conflict('项目不在评审阶段');
    if (call.conflicts[me._id]) throw conflict('您已经声明过利益冲突');
    const bidders = new Set(call.prequalification.filter((q) => q.passed).map((q) => q.orgId));
    const stray = input.orgIds.findIndex((o) => !bidders.has(o));
    if (stray >= 0)
      throw invalid('这家机构没有参与本项目', [{ path: `orgIds.${stray}`, message: 'unknown' }]);
    const orgIds = [...new Set(input.orgIds)];
    const res = await db
      .collection(CALLS)
      .where({ _id: call._id, status: 'reviewing', [`conflicts.${me._id}`]: _.exists(false) })
      .update({ data: { [`conflicts.${me._id}`]: _.set({ orgIds, at: ctx.now }), updatedAt: ctx.now } });
    if (updatedCount(res) !== 1) throw conflict('您已经声明过利益冲突');
    return { declared: true, conflicts: orgIds.length };
  },
});
