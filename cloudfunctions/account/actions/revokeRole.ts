/**
 * revokeRole — an admin of the scope takes a role back, with a reason kept in the history.
 * Input: { targetUserId, targetRole, scopeId? (admin), orgId? (provider), reason }. Result: UserListItem.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (role not held; own last admin role).
 * Round trips: 3 (caller+target, place or organization when needed, update).
 */
import { action } from '../../common/action';
import { requireAnyAdmin } from '../../common/auth';
import { db } from '../../common/cloud';
import { findById, updatedCount } from '../../common/db';
import { conflict, invalid, notFound } from '../../common/errors';
import { USERS, type UserDoc } from '../../common/directory/users';
import { accountInputs } from '../contract';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { planRevoke } from '../domain/roles';
import { listItem } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { ORGANIZATIONS, type OrgDoc } from '../../common/directory/orgs';

export default action({
  input: accountInputs.revokeRole,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'target', from: USERS, match: { _id: input.targetUserId }, limit: 1 },
    ]);
    const { caller } = r;
    const target = r.one<UserDoc>('target');
    if (!target) throw notFound('用户');
    requireAnyAdmin(caller);
    let scopePath: string[] | undefined;
    if (input.targetRole === 'admin') {
      if (!input.scopeId) throw invalid('请指定辖区', [{ path: 'scopeId', message: 'required for admin' }]);
      scopePath = (await findById<PlaceDoc>(PLACES, input.scopeId))?.path;
    } else if (input.targetRole === 'provider') {
      const orgId = input.orgId ?? target.roles.find((g) => g.role === 'provider')?.orgId;
      scopePath = orgId ? (await findById<OrgDoc>(ORGANIZATIONS, orgId))?.scopePath : undefined;
    }
    const plan = planRevoke(caller, target, { ...input, role: input.targetRole, scopePath }, ctx.now);
    const roleHistory = [...target.roleHistory, plan.event];
    // Conditional on the version read, so two admins changing one person's roles at once cannot lose a change.
    const res = await db
      .collection(USERS)
      .where({ _id: target._id, updatedAt: target.updatedAt })
      .update({ data: { roles: plan.roles, roleHistory, updatedAt: ctx.now } });
    if (updatedCount(res) === 0) throw conflict('此人的角色刚被修改，请刷新后重试');
    return listItem({ ...target, roles: plan.roles, roleHistory }, ctx.now);
  },
});
