/**
 * scoreBid — a reviewer scores a bid against the call's weighted criteria, a score and a comment for each. A score
 * is never edited: a correction is a new record naming the score it corrects (`corrects`, which must be their
 * current one) and why. The record's id comes from (bid, reviewer, n), so a double tap or two corrections at
 * once land once. Only while the call is in review, after declaring conflicts, never on a conflicted bid.
 * Input: { bidId, criteria: [{ key, score, comment }], corrects?, reason }. Result: ScoreView.
 * Errors: INVALID_INPUT (criteria not exactly the sheet's, a score above its maximum), UNAUTHENTICATED,
 * NOT_FOUND (no such bid, or not one the caller may score), CONFLICT (not in review; conflicts not declared;
 * scored already — correct it instead; `corrects` is not the current score), CONTENT_REJECTED.
 * Round trips: 2 (caller with the bid, its call and the caller's scores of it; the insert).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { checkTextEarly } from '../../common/contentCheck';
import { isDuplicateKey } from '../../common/db';
import { conflict, invalid, notFound } from '../../common/errors';
import { firstOf, readWithCaller } from '../../common/joins';
import { reviewInputs, type ScoreView } from '../contract';
import { BIDS, CALLS, SCORES, type BidDoc, type CallDoc, type ScoreDoc } from '../documents';
import { currentScores, sheetProblem, weightedTotal } from '../domain/aggregate';
import { reviewerMayRead } from '../domain/calls';
import { scoreIdOf } from '../domain/ids';

export default action({
  input: reviewInputs.scoreBid,
  async run(input, ctx): Promise<ScoreView> {
    const moderation = checkTextEarly(ctx.openid, [...input.criteria.map((c) => c.comment), input.reason]);
    const read = await readWithCaller(ctx, [
      { as: 'bid', from: BIDS, match: { _id: input.bidId }, limit: 1 },
      { set: { bidCall: firstOf('bid.callId'), myId: '$_id' } },
      { as: 'call', from: CALLS, localField: 'bidCall', foreignField: '_id' },
      {
        as: 'mine',
        from: SCORES,
        let: { me: '$myId' },
        expr: { $eq: ['$reviewerId', '$$me'] },
        match: { bidId: input.bidId },
      },
    ]);
    const me = read.caller;
    const bid = read.one<BidDoc>('bid');
    const call = read.one<CallDoc>('call');
    if (!bid || !call || !call.reviewerIds.includes(me._id)) throw notFound('申报');
    if (call.status !== 'reviewing') throw conflict('项目不在评审阶段');
    if (!call.conflicts[me._id]) throw conflict('请先声明利益冲突');
    if (!reviewerMayRead(call, bid, me._id)) throw notFound('申报');
    const problem = sheetProblem(call.scoreSheet, input.criteria);
    if (problem) throw invalid(problem.message, [problem]);
    const current = currentScores(read.all<ScoreDoc>('mine'))[0];
    if (!input.corrects && current) throw conflict('您已经评过这份申报，如需修改请提交更正并写明原因');
    if (input.corrects && input.corrects !== current?._id)
      throw conflict('只能更正您当前的评分，请刷新后再试');
    await moderation();
    const n = (current?.n ?? 0) + 1;
    const sheet = call.scoreSheet;
    const criteria = sheet.map((s) => input.criteria.find((c) => c.key === s.key)!);
    const score: ScoreDoc = {
      _id: scoreIdOf(bid._id, me._id, n),
      callId: call._id,
      bidId: bid._id,
      reviewerId: me._id,
      reviewerName: me.realName ?? me.nickname,
      n,
      criteria,
      total: weightedTotal(sheet, criteria),
      ...(current ? { supersedes: current._id, reason: input.reason } : {}),
      createdAt: ctx.now,
    };
    try {
      await db.collection(SCORES).add({ data: score });
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict('这份评分刚刚已经提交过了，请刷新后再看');
      throw err;
    }
    return { id: score._id, bidId: bid._id, total: score.total, n, supersedes: score.supersedes ?? null };
  },
});
