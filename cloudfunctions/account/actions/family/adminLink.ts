/**
 * adminLink — an admin links an elder they registered (no WeChat) to a family member or grid worker, who can then
 * act on the elder's behalf. Only for elders registered by proxy: elders with WeChat confirm links themselves.
 * Input: { elderId, relativeId, relation }. Result: { id, status: 'active' }.
 * Errors: UNAUTHENTICATED, FORBIDDEN (elder outside the admin's scope), NOT_FOUND, INVALID_INPUT (elder has
 * WeChat), CONFLICT (already linked). Round trips: 2 (the three people, insert).
 */
import { action } from '../../../common/action';
import { requireAdminOver } from '../../../common/auth';
import { _, db } from '../../../common/cloud';
import { isDuplicateKey } from '../../../common/db';
import { conflict, invalid, notFound } from '../../../common/errors';
import { readWithCaller } from '../../../common/joins';
import { idempotentId } from '../../../common/idempotency';
import { USERS, type UserDoc } from '../../../common/directory/users';
import { accountInputs } from '../../contract';
import { FAMILY_LINKS, type FamilyLinkDoc } from '../../../common/directory/familyLinks';

export default action({
  input: accountInputs.adminLink,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'people', from: USERS, match: { _id: _.in([input.elderId, input.relativeId]) }, limit: 2 },
    ]);
    const me = r.caller;
    const people = r.all<UserDoc>('people');
    const elder = people.find((u) => u._id === input.elderId);
    const relative = people.find((u) => u._id === input.relativeId);
    if (!elder || !relative) throw notFound('用户');
    requireAdminOver(me, elder.placePath);
    if (elder.kind !== 'proxy') throw invalid('该老人使用微信，请由老人本人确认绑定');
    if (elder._id === relative._id) throw invalid('不能绑定自己');
    const link: FamilyLinkDoc = {
      _id: idempotentId(elder._id, 'family', relative._id),
      elderId: elder._id,
      relativeId: relative._id,
      relation: input.relation,
      status: 'active',
      via: 'admin',
      requestedAt: ctx.now,
      respondedAt: ctx.now,
      createdBy: me._id,
    };
    try {
      await db.collection(FAMILY_LINKS).add({ data: link });
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict('已经绑定');
      throw err;
    }
    return { id: link._id, status: 'active' as const };
  },
});
