/**
 * reviewSheet — a reviewer's sheet for one call. Before declaring: the organizations whose bids qualified (names
 * only, sorted, no codes) to declare conflicts against. After: the bids they may score — never one they declared
 * a conflict on, coded when the call is blind — with their own current score. Other reviewers' scores are never
 * here; bids are not listed before the call is in review (sealed).
 * Input: { callId }. Result: ReviewSheet.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not a reviewer of the call), NOT_FOUND.
 * Round trips: 1 (caller with the call, its bids and scores).
 */
import { action } from '../../common/action';
import { forbidden } from '../../common/errors';
import { reviewInputs, type ReviewSheet } from '../contract';
import { currentScores } from '../domain/aggregate';
import { conflicted } from '../domain/award';
import { readCall } from '../steps/callAccess';

export default action({
  input: reviewInputs.reviewSheet,
  async run(input, ctx): Promise<ReviewSheet> {
    const { me, call, bids, scores } = await readCall(ctx, input.callId, { bids: true, scores: true });
    if (!call.reviewerIds.includes(me._id)) throw forbidden('您不是这个项目的评审专家');
    const declared = !!call.conflicts[me._id];
    const qualified = call.prequalification.filter((q) => q.passed);
    const mine = currentScores(scores.filter((s) => s.reviewerId === me._id));
    const names = new Map(bids.map((b) => [b.orgId, b.orgName]));
    const inReview = call.status !== 'open';
    return {
      callId: call._id,
      title: call.title,
      blind: call.blind,
      criteria: call.scoreSheet,
      declared,
      organizations:
        inReview && !declared
          ? qualified
              .map((q) => ({ id: q.orgId, name: names.get(q.orgId) ?? '' }))
              .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
          : [],
      bids:
        inReview && declared
          ? qualified
              .filter((q) => !conflicted(call, me._id, q.orgId))
              .map((q) => {
                const s = mine.find((x) => x.bidId === q.bidId);
                return {
                  bidId: q.bidId,
                  label: call.blind ? q.code : `${q.code}（${names.get(q.orgId) ?? ''}）`,
                  mine: s ? { scoreId: s._id, total: s.total, criteria: s.criteria } : null,
                };
              })
          : [],
      conflictedCount: call.conflicts[me._id]?.orgIds.length ?? 0,
      canScore: call.status === 'reviewing' && declared,
    };
  },
});
