/**
 * fileComplaint — during the complaint window after the award (投诉复核), a bidding organization's staff file a
 * complaint; one per organization per call (a replay with the same key gets the same reply).
 * Input: { callId, orgId, text }. Result: ComplaintView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not staff of the organization; it did not bid),
 * NOT_FOUND, CONFLICT (outside the window; one filed already), CONTENT_REJECTED.
 * Round trips: 2 (caller with the call, its bids and complaints; the insert); a replay: 1.
 */
import { action } from '../../common/action';
import { requireProvider } from '../../common/auth';
import { checkTextEarly } from '../../common/contentCheck';
import { conflict, forbidden } from '../../common/errors';
import { idempotentCreate } from '../../common/idempotency';
import { idempotentId } from '../../common/ids';
import { reviewInputs, type ComplaintView } from '../contract';
import { COMPLAINTS, type ComplaintDoc } from '../documents';
import { phaseOf } from '../domain/calls';
import { complaintView } from '../domain/views';
import { readCall } from '../steps/callAccess';

export default action({
  input: reviewInputs.fileComplaint,
  async run(input, ctx): Promise<ComplaintView> {
    const moderation = checkTextEarly(ctx.openid, [input.text]);
    const { me, call, bids, complaints } = await readCall(ctx, input.callId, {
      bids: true,
      complaints: true,
    });
    // One complaint per organization and call: its id is derived from both, so a replay and a colleague's
    // second complaint both meet the first.
    const id = idempotentId(call._id, 'complaint', input.orgId);
    const earlier = complaints.find((c) => c._id === id);
    if (earlier && earlier.by.id === me._id && earlier.text === input.text) return complaintView(earlier);
    requireProvider(me, input.orgId);
    const bid = bids.find((b) => b.orgId === input.orgId && b.status === 'submitted');
    if (!bid) throw forbidden('只有参与申报的机构可以投诉');
    if (phaseOf(call, ctx.now) !== 'complaints') throw conflict('不在投诉期内');
    if (earlier) throw conflict('本机构已经就这个项目提出过投诉');
    await moderation();
    const doc: ComplaintDoc = {
      _id: id,
      callId: call._id,
      streetId: call.streetId,
      scopePath: call.scopePath,
      orgId: bid.orgId,
      orgName: bid.orgName,
      text: input.text,
      by: { id: me._id, name: me.realName ?? me.nickname },
      status: 'open',
      createdAt: ctx.now,
    };
    return idempotentCreate({
      collection: COMPLAINTS,
      build: () => doc,
      reply: complaintView,
    });
  },
});
