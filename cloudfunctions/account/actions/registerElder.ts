/**
 * registerElder — an admin registers an elder who has no WeChat (or no phone), so family and staff can later act
 * on their behalf. Idempotent: every replay of the key returns the same record (common/idempotency).
 * Input: { realName, birthYear, communityId, address, phone?, idempotencyKey }. Result: UserDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (community outside the admin's scope), NOT_FOUND (community).
 * Round trips: 3 (caller, community, insert); a replay of the key 4 (the stored record read back).
 */
import { action } from '../../common/action';
import { together } from '../../common/concurrency';
import { requireAdminOver } from '../../common/auth';
import { findById } from '../../common/db';
import { notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { USERS, type UserDoc } from '../../common/directory/users';
import { accountInputs } from '../contract';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { detail } from '../domain/views';

export default action({
  input: accountInputs.registerElder,
  async run(input, ctx) {
    // Who is asking and what they ask about do not depend on each other: read side by side.
    const [me, community] = await together(ctx.caller(), findById<PlaceDoc>(PLACES, input.communityId));
    if (!community || community.level !== 'community') throw notFound('社区');
    requireAdminOver(me, community.path);
    const _id = idempotentId(me._id, 'registerElder', input.idempotencyKey);
    const elder: UserDoc & { placeNames: string[] } = {
      _id,
      openid: `proxy:${_id}`,
      kind: 'proxy',
      nickname: input.realName,
      realName: input.realName,
      birthYear: input.birthYear,
      address: input.address,
      ...(input.phone ? { phone: input.phone } : {}),
      placePath: community.path,
      placeNames: community.pathNames,
      communityId: community._id,
      roles: [],
      roleHistory: [],
      registeredBy: me._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: USERS, build: () => elder, reply: (doc) => detail(doc, ctx.now) });
  },
});
