/**
 * callDetail — the call's page. Everyone logged in sees the call (it is a public announcement). The street admin
 * also sees how many bids are in — and, after the deadline only (bids are sealed until then), the bids with their
 * prequalification, the reviewers' progress (counts, never scores), the running ranking while reviewing, the
 * complaints and what can be done next. Once awarded, everyone sees the ranking with every reviewer's total; an
 * organization sees its own complaint.
 * Input: { callId }. Result: CallDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND.
 * Round trips: 1 (caller with the call, its bids, scores, complaints and the street's pool).
 */
import { action } from '../../common/action';
import { firstOf } from '../../common/joins';
import { dayText } from '../../../miniprogram/shared/calendar';
import { callInputs, type CallDetail } from '../contract';
import { POOL, type PoolEntryDoc } from '../documents';
import { currentScores } from '../domain/aggregate';
import { conflicted, missingScores, rankBids } from '../domain/award';
import { fenText, phaseOf, rolesOn } from '../domain/calls';
import { callDetailBase, complaintView, rankedView } from '../domain/views';
import { dayClockText } from '../../../miniprogram/shared/calendar';
import { readCall } from '../steps/callAccess';

export default action({
  input: callInputs.callDetail,
  async run(input, ctx): Promise<CallDetail> {
    const { read, me, call, bids, scores, complaints } = await readCall(ctx, input.callId, {
      bids: true,
      scores: true,
      complaints: true,
      extra: [
        { set: { callStreet: firstOf('call.streetId') } },
        { as: 'pool', from: POOL, localField: 'callStreet', foreignField: 'streetId' },
      ],
    });
    const roles = rolesOn(call, me);
    const phase = phaseOf(call, ctx.now);
    const canBid = read
      .all<PoolEntryDoc>('pool')
      .some((e) => e.status === 'admitted' && roles.orgIds.includes(e.orgId));
    const base = callDetailBase(call, ctx.now, roles, canBid);
    const submitted = bids.filter((b) => b.status === 'submitted');
    const current = currentScores(scores);
    const missing = missingScores(call, current);
    const open = complaints.filter((c) => c.status === 'open');
    const totalsOf = (bidId: string) => current.filter((s) => s.bidId === bidId).map((s) => s.total);
    const published = call.result
      ? call.result.ranking.map((r) => rankedView(r, true, totalsOf(r.bidId)))
      : [];
    const detail: CallDetail = {
      ...base,
      submittedCount: roles.admin ? submitted.length : 0,
      bids: [],
      reviewers: [],
      ranking: published,
      complaints: complaints.filter((c) => roles.orgIds.includes(c.orgId)).map(complaintView),
      canPrequalify: false,
      canAward: false,
      canMakeContracts: false,
      waitingText: '',
    };
    if (!roles.admin) return detail;
    if (phase !== 'open')
      detail.bids = submitted.map((b) => {
        const q = call.prequalification.find((p) => p.bidId === b._id);
        return {
          id: b._id,
          orgName: b.orgName,
          totalText: fenText(b.totalFen),
          submittedText: b.submittedAt ? dayClockText(b.submittedAt) : '',
          prequal: q ? { passed: q.passed, reason: q.reason, code: q.code } : null,
        };
      });
    detail.reviewers = call.reviewers.map((r) => {
      const mine = current.filter((s) => s.reviewerId === r.userId).length;
      const owed = call.prequalification.filter(
        (q) => q.passed && !conflicted(call, r.userId, q.orgId),
      ).length;
      return {
        userId: r.userId,
        name: r.name,
        declared: !!call.conflicts[r.userId],
        scored: mine,
        toScore: owed,
      };
    });
    if (call.status === 'reviewing')
      detail.ranking = rankBids(call, call.prequalification, bids, current).map((r) =>
        rankedView(r, true, totalsOf(r.bidId)),
      );
    detail.complaints = complaints.map(complaintView);
    detail.canPrequalify = phase === 'closed';
    detail.canAward =
      call.status === 'reviewing' && missing.length === 0 && call.prequalification.some((q) => q.passed);
    detail.canMakeContracts = phase === 'awarded' && open.length === 0;
    if (phase === 'open') detail.waitingText = `申报截止前申报内容密封，目前已收到 ${submitted.length} 份`;
    else if (call.status === 'reviewing' && missing.length)
      detail.waitingText = `还有 ${missing.length} 份评分未完成`;
    else if (phase === 'complaints')
      detail.waitingText = `公示期到${dayText(call.result!.complaintUntil)}为止`;
    else if (phase === 'awarded' && open.length) detail.waitingText = `还有 ${open.length} 件投诉待答复`;
    return detail;
  },
});
