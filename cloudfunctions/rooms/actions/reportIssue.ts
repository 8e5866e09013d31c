/**
 * reportIssue — a room manager reports a broken item (a table-tennis net, a light): the community admins see it
 * on their board until they mark it fixed. (When a grid-report capability exists, this is where it would be
 * forwarded; today it stays with the rooms.)
 * Input: { roomId, text, idempotencyKey }. Result: { id }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not the room's manager or admin), NOT_FOUND, CONTENT_REJECTED.
 * Round trips: 2 (caller with the room and any earlier report under the key, the insert).
 */
import { action } from '../../common/action';
import { checkText } from '../../common/contentCheck';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { roomsInputs } from '../contract';
import { nameOf, requireManager } from '../domain/people';
import { ISSUES, type IssueDoc } from '../documents';
import { roomWithCaller } from '../steps/roomAccess';

export default action({
  input: roomsInputs.reportIssue,
  async run(input, ctx): Promise<{ id: string }> {
    const issueId = idempotentId(ctx.openid, 'roomIssue', input.idempotencyKey);
    const { me, room, one } = await roomWithCaller(ctx, input.roomId, [
      { as: 'earlier', from: ISSUES, match: { _id: issueId }, limit: 1 },
    ]);
    if (one<IssueDoc>('earlier')) return { id: issueId };
    requireManager(me, room);
    await checkText(ctx.openid, [input.text]);
    const issue: IssueDoc = {
      _id: issueId,
      roomId: room._id,
      roomName: room.name,
      communityId: room.communityId,
      placePath: room.placePath,
      text: input.text,
      by: me._id,
      byName: nameOf(me),
      status: 'open',
      createdAt: ctx.now,
    };
    return idempotentCreate({ collection: ISSUES, build: () => issue, reply: (d) => ({ id: d._id }) });
  },
});
