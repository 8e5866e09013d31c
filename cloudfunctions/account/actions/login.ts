/**
 * login — creates the caller's user record on first use, or returns it. Identity is the WeChat OPENID only.
 * A caller named in the deploy-time setting MULIN_BOOTSTRAP_ADMINS becomes admin of the configured place.
 * Input: { refresh? }. Result: SelfView & { isNew }. Errors: UNAUTHENTICATED (no WeChat identity).
 * Logging in (opening the app) during an account deletion's cooling-off cancels the deletion (`erasureCancelled`);
 * a mid-session refresh (`refresh: true`) does not.
 * Round trips: 1 (returning user), 2 (new user), 3 (bootstrap admin, or a deletion cancelled).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { findById, isDuplicateKey } from '../../common/db';
import { loadUserByOpenid } from '../../common/directory/store';
import { USERS, type UserDoc } from '../../common/directory/users';
import { accountInputs } from '../contract';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { bootstrapAdmins, type NamedGrant } from '../domain/roles';
import { selfView } from '../domain/views';
import { dropErasure } from '../steps/erasure';

export default action({
  input: accountInputs.login,
  async run(input, ctx) {
    const existing = await ctx.callerIfAny();
    const boot = bootstrapAdmins(process.env.MULIN_BOOTSTRAP_ADMINS).find((b) => b.openid === ctx.openid);
    const needsBoot = boot && !existing?.roles.some((g) => g.role === 'admin' && g.scopeId === boot.placeId);
    const place = needsBoot ? await findById<PlaceDoc>(PLACES, boot.placeId) : undefined;
    const bootGrant: NamedGrant | undefined = place
      ? {
          role: 'admin',
          scopeId: place._id,
          scopeLevel: place.level,
          scopeName: place.name,
          grantedBy: 'bootstrap',
          grantedAt: ctx.now,
        }
      : undefined;
    const bootEvent = bootGrant && {
      kind: 'grant' as const,
      role: 'admin' as const,
      scopeId: bootGrant.scopeId,
      by: 'bootstrap',
      at: ctx.now,
    };

    if (existing?.erasureDueAt && !input.refresh) {
      await dropErasure(existing._id, ctx.now);
      const { erasureDueAt: _dropped, ...kept } = existing;
      return { ...selfView(kept, ctx.now), isNew: false, erasureCancelled: true };
    }
    if (existing) {
      if (!bootGrant) return { ...selfView(existing, ctx.now), isNew: false };
      const roles = [...existing.roles, bootGrant];
      const roleHistory = [...existing.roleHistory, bootEvent!];
      await db
        .collection(USERS)
        .doc(existing._id)
        .update({ data: { roles, roleHistory, updatedAt: ctx.now } });
      return { ...selfView({ ...existing, roles, roleHistory }, ctx.now), isNew: false };
    }
    const user: Omit<UserDoc, '_id'> = {
      openid: ctx.openid,
      kind: 'wechat',
      nickname: '微信用户',
      placePath: [],
      roles: bootGrant ? [bootGrant] : [],
      roleHistory: bootEvent ? [bootEvent] : [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    try {
      const { _id } = (await db.collection(USERS).add({ data: user })) as { _id: string };
      return { ...selfView({ ...user, _id }, ctx.now), isNew: true };
    } catch (err) {
      // Two first taps at once: the unique openid index lets one insert win; the other reads it.
      if (!isDuplicateKey(err)) throw err;
      const winner = (await loadUserByOpenid(ctx.openid))!;
      return { ...selfView(winner, ctx.now), isNew: false };
    }
  },
});
