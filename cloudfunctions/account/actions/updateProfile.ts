/**
 * updateProfile — the caller edits their own profile: nickname (WeChat nickname input, content-checked), avatar
 * (a fileID from chooseAvatar + upload), community, and optional phone, real name, birth year and address.
 * Input: any of those fields; '' clears phone or real name. Result: SelfView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (community), CONTENT_REJECTED.
 * Round trips: 2 (caller, update) + 1 when the community changes.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { checkTextEarly } from '../../common/contentCheck';
import { findById } from '../../common/db';
import { invalid, notFound } from '../../common/errors';
import { USERS, type UserDoc } from '../../common/directory/users';
import { accountInputs } from '../contract';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { selfView } from '../domain/views';

export default action({
  input: accountInputs.updateProfile,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.nickname, input.realName, input.address], 1);
    const user = await ctx.caller();
    if (user.kind === 'proxy') throw invalid('代登记的账号由管理员维护');
    await textChecked();
    const set: Record<string, unknown> = { updatedAt: ctx.now };
    const unset: Record<string, unknown> = {};
    if (input.nickname !== undefined) set.nickname = input.nickname;
    if (input.avatarFileId !== undefined) set.avatarFileId = input.avatarFileId;
    if (input.birthYear !== undefined) set.birthYear = input.birthYear;
    if (input.address !== undefined) set.address = input.address;
    for (const key of ['phone', 'realName'] as const) {
      if (input[key] === '') unset[key] = _.remove();
      else if (input[key] !== undefined) set[key] = input[key];
    }
    if (input.communityId !== undefined && input.communityId !== user.communityId) {
      const place = await findById<PlaceDoc>(PLACES, input.communityId);
      if (!place || place.level !== 'community') throw notFound('社区');
      set.communityId = place._id;
      set.placePath = place.path;
      set.placeNames = place.pathNames;
    }
    await db
      .collection(USERS)
      .doc(user._id)
      .update({ data: { ...set, ...unset } });
    const next = { ...user, ...set } as UserDoc & Record<string, unknown>;
    for (const key of Object.keys(unset)) delete next[key];
    return selfView(next, ctx.now);
  },
});
