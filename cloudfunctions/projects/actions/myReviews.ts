/**
 * myReviews — the calls a reviewer was appointed to, with whether they declared their conflicts and how many of
 * the bids they may score they have scored (their own progress only).
 * Input: {}. Result: ReviewItem[].
 * Errors: UNAUTHENTICATED.
 * Round trips: 1 (caller with the calls and their own scores).
 */
import { action } from '../../common/action';
import { readWithCaller } from '../../common/joins';
import { reviewInputs, type ReviewItem } from '../contract';
import { CALLS, SCORES, type CallDoc, type ScoreDoc } from '../documents';
import { currentScores } from '../domain/aggregate';
import { conflicted } from '../domain/award';
import { stageText } from '../domain/calls';

export default action({
  input: reviewInputs.myReviews,
  async run(_input, ctx): Promise<ReviewItem[]> {
    const read = await readWithCaller(ctx, [
      { set: { myId: '$_id' } },
      { as: 'calls', from: CALLS, localField: 'myId', foreignField: 'reviewerIds' },
      { as: 'scores', from: SCORES, localField: 'myId', foreignField: 'reviewerId' },
    ]);
    const me = read.caller._id;
    const mine = currentScores(read.all<ScoreDoc>('scores'));
    return read
      .all<CallDoc>('calls')
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((c) => ({
        callId: c._id,
        title: c.title,
        streetName: c.streetName,
        stageText: stageText(c, ctx.now),
        declared: !!c.conflicts[me],
        scored: mine.filter((s) => s.callId === c._id).length,
        toScore: c.prequalification.filter((q) => q.passed && !conflicted(c, me, q.orgId)).length,
      }));
  },
});
