/**
 * award — once every reviewer has scored every bid they may, the street admin awards: the ranking (trimmed mean,
 * domain/aggregate.ts; tie-break and budget rule, domain/award.ts) is computed from the current scores and
 * published on the call with every score, and the complaint window (投诉复核) opens for `complaintDays` days. One
 * conditional update (status `reviewing`), so two admins awarding at once publish one result. The bidding
 * organizations' staff are told.
 * Input: { callId }. Result: CallRef.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND, CONFLICT (not in
 * review; scores missing; awarded already).
 * Round trips: 3 (caller with the call, bids, scores and the bidders' staff; the update; the messages kept in the
 * message centre in one write, common/notify).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { addDays, dateKey, dayText, startOfDate } from '../../../miniprogram/shared/calendar';
import { reviewInputs, type CallRef } from '../contract';
import { CALLS } from '../documents';
import { currentScores } from '../domain/aggregate';
import { missingScores, rankBids } from '../domain/award';
import { notifyAwardPublished } from '../notices';
import { readCall } from '../steps/callAccess';

export default action({
  input: reviewInputs.award,
  async run(input, ctx): Promise<CallRef> {
    const { me, call, bids, scores, staff } = await readCall(ctx, input.callId, {
      bids: true,
      scores: true,
      staff: true,
    });
    requireAdminOver(me, call.scopePath);
    if (call.status !== 'reviewing') throw conflict(call.result ? '评审结果已经公示' : '项目不在评审阶段');
    const current = currentScores(scores);
    const missing = missingScores(call, current);
    if (missing.length) throw conflict(`还有 ${missing.length} 份评分未完成，不能公示结果`);
    const ranking = rankBids(call, call.prequalification, bids, current);
    const by = { id: me._id, name: me.realName ?? me.nickname };
    // The window ends at 24:00 of the last day (Beijing), `complaintDays` days counting today.
    const complaintUntil = startOfDate(addDays(dateKey(ctx.now), call.complaintDays));
    const result = { ranking, awardedAt: ctx.now, complaintUntil, by };
    const res = await db
      .collection(CALLS)
      .where({ _id: call._id, status: 'reviewing' })
      .update({
        data: {
          status: 'awarded',
          result: db.command.set(result),
          history: db.command.set([...call.history, { kind: 'awarded', by, at: ctx.now }]),
          rev: call.rev + 1,
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) !== 1) throw conflict('评审结果刚刚已经公示');
    const awarded = new Set(ranking.filter((r) => r.awarded).map((r) => r.orgId));
    const bidders = new Set(bids.filter((b) => b.status === 'submitted').map((b) => b.orgId));
    const lastDay = dayText(new Date(complaintUntil.getTime() - 1));
    await Promise.all(
      [...bidders].map((orgId) =>
        notifyAwardPublished(
          staff.filter((s) => s.orgIds.includes(orgId)).map((s) => s.openid),
          call,
          awarded.has(orgId),
          lastDay,
        ),
      ),
    );
    return { id: call._id, title: call.title, status: 'awarded' };
  },
});
