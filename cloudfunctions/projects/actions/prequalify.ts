/**
 * prequalify — after the deadline, the street admin decides every submitted bid's prequalification (资格预审),
 * with a reason for each one that fails; the call moves to review and qualified bids get their code names
 * (方案一, 方案二… in an order that says nothing of who bid). One conditional update of the call.
 * Input: { callId, decisions: [{ bidId, passed, reason }] }. Result: CallRef.
 * Errors: INVALID_INPUT (a submitted bid left out, or a bid not submitted), UNAUTHENTICATED, FORBIDDEN (not an
 * admin of the street), NOT_FOUND, CONFLICT (before the deadline; done already; changed meanwhile).
 * Round trips: 2 (caller with the call and its bids, the update).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, invalid } from '../../common/errors';
import { callInputs, type CallRef } from '../contract';
import { CALLS, type Prequalification } from '../documents';
import { codeOf, phaseOf } from '../domain/calls';
import { readCall } from '../steps/callAccess';

export default action({
  input: callInputs.prequalify,
  async run(input, ctx): Promise<CallRef> {
    const { me, call, bids } = await readCall(ctx, input.callId, { bids: true });
    requireAdminOver(me, call.scopePath);
    const phase = phaseOf(call, ctx.now);
    if (phase === 'open') throw conflict('申报还没有截止，申报内容密封中');
    if (phase !== 'closed') throw conflict('资格预审已经完成');
    const submitted = bids.filter((b) => b.status === 'submitted');
    const decided = new Map(input.decisions.map((d) => [d.bidId, d]));
    const stray = input.decisions.findIndex((d) => !submitted.some((b) => b._id === d.bidId));
    if (stray >= 0)
      throw invalid('这份申报不在本项目的已提交申报中', [{ path: `decisions.${stray}`, message: 'unknown' }]);
    if (submitted.some((b) => !decided.has(b._id)))
      throw invalid('每一份已提交的申报都要给出预审结果', [{ path: 'decisions', message: 'missing' }]);
    let n = 0;
    const prequalification: Prequalification[] = [...submitted]
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .map((b) => {
        const d = decided.get(b._id)!;
        return {
          bidId: b._id,
          orgId: b.orgId,
          passed: d.passed,
          reason: d.reason,
          code: d.passed ? codeOf(n++) : '',
        };
      });
    const history = [
      ...call.history,
      { kind: 'prequalified', by: { id: me._id, name: me.realName ?? me.nickname }, at: ctx.now },
    ];
    const res = await db
      .collection(CALLS)
      .where({ _id: call._id, status: 'open', rev: call.rev })
      .update({
        data: {
          status: 'reviewing',
          prequalification: db.command.set(prequalification),
          history: db.command.set(history),
          rev: call.rev + 1,
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) !== 1) throw conflict('项目刚刚有变化，请刷新后再看');
    return { id: call._id, title: call.title, status: 'reviewing' };
  },
});
