/**
 * createLinkCode — an elder gets a 6-digit code to show a family member; valid 10 minutes; only its hash is kept.
 * Input: {}. Result: { code, expiresAt }. Errors: UNAUTHENTICATED. Round trips: 2.
 */
import { action } from '../../../common/action';
import { db } from '../../../common/cloud';
import { USERS } from '../../../common/directory/users';
import { accountInputs } from '../../contract';
import { hashLinkCode, linkCodeExpiry, newLinkCode } from '../../domain/linkCodes';

export default action({
  input: accountInputs.createLinkCode,
  async run(_input, ctx) {
    const me = await ctx.caller();
    const code = newLinkCode();
    const expiresAt = linkCodeExpiry(ctx.now);
    await db
      .collection(USERS)
      .doc(me._id)
      .update({ data: { linkCode: { hash: hashLinkCode(code), expiresAt } } });
    return { code, expiresAt: expiresAt.toISOString() };
  },
});
