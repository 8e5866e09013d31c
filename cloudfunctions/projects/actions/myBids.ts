/**
 * myBids — an organization's staff see their organizations' bids: draft or submitted, the call's stage, the
 * prequalification, and after the award the rank, the aggregate and every reviewer's total with their comments
 * (reviewers named unless the call was blind), whether a complaint may still be filed and the answer to one.
 * Input: {}. Result: MyBidItem[].
 * Errors: UNAUTHENTICATED, FORBIDDEN (not provider staff).
 * Round trips: 1 (caller with bids, their calls, scores and complaints).
 */
import { action } from '../../common/action';
import { providerOrgIds, requireProvider } from '../../common/auth';
import { readWithCaller } from '../../common/joins';
import { callInputs, type MyBidItem } from '../contract';
import {
  BIDS,
  CALLS,
  COMPLAINTS,
  SCORES,
  type BidDoc,
  type CallDoc,
  type ComplaintDoc,
  type ScoreDoc,
} from '../documents';
import { currentScores } from '../domain/aggregate';
import { fenText, phaseOf, stageText } from '../domain/calls';
import { complaintView } from '../domain/views';

export default action({
  input: callInputs.myBids,
  async run(_input, ctx): Promise<MyBidItem[]> {
    const read = await readWithCaller(ctx, [
      { set: { myOrgIds: '$roles.orgId' } },
      { as: 'bids', from: BIDS, localField: 'myOrgIds', foreignField: 'orgId' },
      { set: { bidCallIds: '$bids.callId', bidIds: '$bids._id' } },
      { as: 'calls', from: CALLS, localField: 'bidCallIds', foreignField: '_id' },
      { as: 'scores', from: SCORES, localField: 'bidIds', foreignField: 'bidId' },
      { as: 'complaints', from: COMPLAINTS, localField: 'myOrgIds', foreignField: 'orgId' },
    ]);
    requireProvider(read.caller);
    const orgIds = providerOrgIds(read.caller);
    const calls = new Map(read.all<CallDoc>('calls').map((c) => [c._id, c]));
    const scores = currentScores(read.all<ScoreDoc>('scores'));
    const complaints = read.all<ComplaintDoc>('complaints');
    return read
      .all<BidDoc>('bids')
      .filter((b) => orgIds.includes(b.orgId) && calls.has(b.callId))
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .map((b) => {
        const call = calls.get(b.callId)!;
        const phase = phaseOf(call, ctx.now);
        const q = call.prequalification.find((p) => p.bidId === b._id);
        const ranked = call.result?.ranking.find((r) => r.bidId === b._id);
        const complaint = complaints.find((c) => c.callId === call._id && c.orgId === b.orgId);
        let stage = stageText(call, ctx.now);
        if (q && !q.passed) stage = `资格预审未通过：${q.reason}`;
        else if (b.status === 'draft' && phase !== 'open') stage = '未在截止前提交';
        return {
          id: b._id,
          callId: call._id,
          callTitle: call.title,
          orgId: b.orgId,
          orgName: b.orgName,
          status: b.status,
          statusText: b.status === 'draft' ? '草稿' : '已提交',
          totalText: fenText(b.totalFen),
          stageText: stage,
          editable: phase === 'open',
          result:
            call.result && ranked
              ? {
                  rank: ranked.rank,
                  scoreText: ranked.score === null ? '未评分' : `${ranked.score.toFixed(2)} 分`,
                  awarded: ranked.awarded,
                  note: ranked.note,
                  reviewerTotals: scores
                    .filter((s) => s.bidId === b._id)
                    .sort((x, y) => x.reviewerName.localeCompare(y.reviewerName, 'zh'))
                    .map((s, i) => ({
                      who: call.blind ? `评审${i + 1}` : s.reviewerName,
                      total: s.total,
                      comments: s.criteria.map((c) => c.comment),
                    })),
                }
              : null,
          canComplain: phase === 'complaints' && b.status === 'submitted' && !complaint,
          complaint: complaint ? complaintView(complaint) : null,
        };
      });
  },
});
