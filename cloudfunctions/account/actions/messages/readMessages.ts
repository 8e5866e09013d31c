/**
 * readMessages — marks one of the caller's messages read (`messageId`), or all of them. The update is conditional
 * on the message being the caller's and unread, so another's message is never touched and marks made at once
 * leave an exact count.
 * Input: { messageId? }. Result: { marked, unread } (how many this call marked; how many are left).
 * Errors: INVALID_INPUT. Round trips: 2 (the update; the count).
 */
import { action } from '../../../common/action';
import { db } from '../../../common/cloud';
import { INBOX_MESSAGES } from '../../../common/inbox';
import { accountInputs } from '../../contract';
import { unreadCount } from './unreadMessages';

export default action({
  input: accountInputs.readMessages,
  async run(input, ctx): Promise<{ marked: number; unread: number }> {
    const mine = { openid: ctx.openid, read: false };
    const res = (await db
      .collection(INBOX_MESSAGES)
      .where(input.messageId ? { ...mine, _id: input.messageId } : mine)
      .update({ data: { read: true, readAt: ctx.now } })) as { stats?: { updated?: number } };
    return { marked: res.stats?.updated ?? 0, unread: await unreadCount(ctx.openid) };
  },
});
