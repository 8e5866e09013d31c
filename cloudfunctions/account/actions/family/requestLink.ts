/**
 * requestLink — a family member types the elder's code and asks to be linked; the elder must confirm.
 * Input: { code, relation }. Result: LinkView (pending).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such code, or expired), CONFLICT (already linked or
 * waiting; the code is their own; two elders hold the same code: ask for a new one).
 * Round trips: 3 (caller, elder by code, insert); 4 when re-asking after an unlink.
 */
import { action } from '../../../common/action';
import { _, db } from '../../../common/cloud';
import { isDuplicateKey, rows, updatedCount } from '../../../common/db';
import { conflict, notFound } from '../../../common/errors';
import { idempotentId } from '../../../common/idempotency';
import { maskName } from '../../../common/mask';
import { ageAt, USERS, type UserDoc } from '../../../common/directory/users';
import { accountInputs, type LinkView } from '../../contract';
import { hashLinkCode } from '../../domain/linkCodes';
import { FAMILY_LINKS, type FamilyLinkDoc } from '../../../common/directory/familyLinks';

export default action({
  input: accountInputs.requestLink,
  async run(input, ctx): Promise<LinkView> {
    const me = await ctx.caller();
    const holders = rows<UserDoc>(
      await db
        .collection(USERS)
        .where({ 'linkCode.hash': hashLinkCode(input.code), 'linkCode.expiresAt': _.gt(ctx.now) })
        .limit(2)
        .get(),
    );
    if (holders.length === 0) throw notFound('绑定码（可能已过期）');
    if (holders.length > 1) throw conflict('绑定码重复，请让老人重新生成一个');
    const elder = holders[0]!;
    if (elder._id === me._id) throw conflict('不能绑定自己');
    const link: FamilyLinkDoc = {
      _id: idempotentId(elder._id, 'family', me._id),
      elderId: elder._id,
      relativeId: me._id,
      relation: input.relation,
      status: 'pending',
      via: 'code',
      requestedAt: ctx.now,
      createdBy: me._id,
    };
    try {
      await db.collection(FAMILY_LINKS).add({ data: link });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Linked before and unlinked since: ask again. Pending or active: nothing to do.
      const res = await db
        .collection(FAMILY_LINKS)
        .where({ _id: link._id, status: 'revoked' })
        .update({ data: { status: 'pending', relation: input.relation, requestedAt: ctx.now } });
      if (updatedCount(res) === 0) throw conflict('已经绑定，或正在等待老人确认');
    }
    return {
      id: link._id,
      status: 'pending',
      relation: link.relation,
      as: 'relative',
      other: {
        id: elder._id,
        nickname: elder.nickname,
        realNameMasked: maskName(elder.realName),
        age: ageAt(elder.birthYear, ctx.now),
      },
      requestedAt: ctx.now.toISOString(),
    };
  },
});
