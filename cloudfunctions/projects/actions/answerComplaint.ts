/**
 * answerComplaint — the street admin answers a complaint (upheld or not, with the answer); once, by a conditional
 * update. The complaining organization's staff are told. Contracts wait until every complaint is answered.
 * Input: { complaintId, upheld, answer }. Result: ComplaintView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND, CONFLICT (answered
 * already), CONTENT_REJECTED.
 * Round trips: 3 (caller with the complaint, its call and the organization's staff; the update; the message kept
 * in the message centre, common/notify).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { checkTextEarly } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { conflict, notFound } from '../../common/errors';
import { firstOf, readWithCaller } from '../../common/joins';
import { reviewInputs, type ComplaintView } from '../contract';
import { CALLS, COMPLAINTS, type CallDoc, type ComplaintDoc } from '../documents';
import { complaintView } from '../domain/views';
import { notifyComplaintAnswered } from '../notices';

export default action({
  input: reviewInputs.answerComplaint,
  async run(input, ctx): Promise<ComplaintView> {
    const moderation = checkTextEarly(ctx.openid, [input.answer]);
    const read = await readWithCaller(ctx, [
      { as: 'complaint', from: COMPLAINTS, match: { _id: input.complaintId }, limit: 1 },
      { set: { cCall: firstOf('complaint.callId'), cOrg: firstOf('complaint.orgId') } },
      { as: 'call', from: CALLS, localField: 'cCall', foreignField: '_id' },
      { as: 'staff', from: USERS, localField: 'cOrg', foreignField: 'roles.orgId' },
    ]);
    const complaint = read.one<ComplaintDoc>('complaint');
    const call = read.one<CallDoc>('call');
    if (!complaint || !call) throw notFound('投诉');
    const me = read.caller;
    requireAdminOver(me, complaint.scopePath);
    if (complaint.status !== 'open') throw conflict('这件投诉已经答复过了');
    await moderation();
    const answer = {
      text: input.answer,
      upheld: input.upheld,
      by: { id: me._id, name: me.realName ?? me.nickname },
      at: ctx.now,
    };
    const res = await db
      .collection(COMPLAINTS)
      .where({ _id: complaint._id, status: 'open' })
      .update({ data: { status: 'answered', answer: db.command.set(answer) } });
    if (updatedCount(res) !== 1) throw conflict('这件投诉刚刚已经答复过了');
    const staff = read
      .all<UserDoc>('staff')
      .filter((u) => u.roles.some((r) => r.role === 'provider' && r.orgId === complaint.orgId));
    await notifyComplaintAnswered(
      staff.map((u) => u.openid),
      call,
      input.upheld,
    );
    return complaintView({ ...complaint, status: 'answered', answer });
  },
});
