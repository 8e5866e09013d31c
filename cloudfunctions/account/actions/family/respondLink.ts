/**
 * respondLink — the elder accepts or declines a family member's request.
 * Input: { linkId, accept }. Result: { status }. Errors: UNAUTHENTICATED, NOT_FOUND (no pending request to this
 * elder). Round trips: 2.
 */
import { action } from '../../../common/action';
import { db } from '../../../common/cloud';
import { updatedCount } from '../../../common/db';
import { notFound } from '../../../common/errors';
import { accountInputs, type LinkView } from '../../contract';
import { FAMILY_LINKS } from '../../../common/directory/familyLinks';

export default action({
  input: accountInputs.respondLink,
  async run(input, ctx) {
    const me = await ctx.caller();
    const status: LinkView['status'] = input.accept ? 'active' : 'revoked';
    const res = await db
      .collection(FAMILY_LINKS)
      .where({ _id: input.linkId, elderId: me._id, status: 'pending' })
      .update({ data: { status, respondedAt: ctx.now } });
    if (updatedCount(res) === 0) throw notFound('待确认的绑定请求');
    return { status };
  },
});
