/**
 * unlink — either side ends a family link (or withdraws a pending request).
 * Input: { linkId }. Result: { status: 'revoked' }. Errors: UNAUTHENTICATED, NOT_FOUND. Round trips: 2.
 */
import { action } from '../../../common/action';
import { _, db } from '../../../common/cloud';
import { updatedCount } from '../../../common/db';
import { notFound } from '../../../common/errors';
import { accountInputs } from '../../contract';
import { FAMILY_LINKS } from '../../../common/directory/familyLinks';

export default action({
  input: accountInputs.unlink,
  async run(input, ctx) {
    const me = await ctx.caller();
    const res = await db
      .collection(FAMILY_LINKS)
      .where(
        _.and([
          { _id: input.linkId, status: _.neq('revoked') },
          _.or([{ elderId: me._id }, { relativeId: me._id }]),
        ]),
      )
      .update({ data: { status: 'revoked', respondedAt: ctx.now } });
    if (updatedCount(res) === 0) throw notFound('绑定关系');
    return { status: 'revoked' as const };
  },
});
