/**
 * unreadMessages — how many of the caller's messages are unread (我的's badge): a count, no documents read.
 * Input: {}. Result: { unread }. Errors: INVALID_INPUT. Round trips: 1.
 */
import { action } from '../../../common/action';
import { db } from '../../../common/cloud';
import { INBOX_MESSAGES } from '../../../common/inbox';
import { accountInputs } from '../../contract';

/** The caller's unread count (one round trip). */
export async function unreadCount(openid: string): Promise<number> {
  const { total } = (await db.collection(INBOX_MESSAGES).where({ openid, read: false }).count()) as {
    total: number;
  };
  return total;
}

export default action({
  input: accountInputs.unreadMessages,
  async run(_input, ctx): Promise<{ unread: number }> {
    return { unread: await unreadCount(ctx.openid) };
  },
});
