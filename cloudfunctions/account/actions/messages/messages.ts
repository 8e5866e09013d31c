/**
 * messages — the caller's message centre, newest first, 20 at a time: every message they were sent, and those
 * kept for them without a subscription message. Only their own (keyed by the caller's openid).
 * Input: { offset, limit }. Result: Page<MessageView>. Errors: INVALID_INPUT. Round trips: 1.
 */
import { action } from '../../../common/action';
import { db } from '../../../common/cloud';
import { INBOX_MESSAGES, type InboxDoc } from '../../../common/inbox';
import { listPage } from '../../../common/paging';
import { accountInputs } from '../../contract';
import { messageView } from '../../domain/messages';

export default action({
  input: accountInputs.messages,
  async run(input, ctx) {
    const query = db.collection(INBOX_MESSAGES).where({ openid: ctx.openid }).orderBy('createdAt', 'desc');
    return listPage<InboxDoc, ReturnType<typeof messageView>>(query, input, messageView);
  },
});
