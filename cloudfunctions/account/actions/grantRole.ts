/**
 * grantRole — an admin makes someone an admin of a place in their own scope, or staff (provider) of an
 * organization registered in their scope. Recorded in the user's role history with who and when.
 * Input: { targetUserId, targetRole: 'admin' | 'provider', scopeId (admin) | orgId (provider), reason? }. Result: UserListItem.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (outside the granter's scope, or not an admin),
 * NOT_FOUND (user, place, organization), CONFLICT (already held; staff of another organization).
 * Round trips: 3 (caller+target, place or organization, update).
 */
import { action } from '../../common/action';
import { requireAnyAdmin } from '../../common/auth';
import { db } from '../../common/cloud';
import { findById, updatedCount } from '../../common/db';
import { conflict, invalid, notFound } from '../../common/errors';
import { USERS, type UserDoc } from '../../common/directory/users';
import { accountInputs } from '../contract';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { planGrant } from '../domain/roles';
import { listItem } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { ORGANIZATIONS, type OrgDoc } from '../../common/directory/orgs';

export default action({
  input: accountInputs.grantRole,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'target', from: USERS, match: { _id: input.targetUserId }, limit: 1 },
    ]);
    const { caller } = r;
    const target = r.one<UserDoc>('target');
    if (!target) throw notFound('用户');
    requireAnyAdmin(caller);
    let plan;
    if (input.targetRole === 'admin') {
      if (!input.scopeId)
        throw invalid('请选择管辖范围', [{ path: 'scopeId', message: 'required for admin' }]);
      const scope = await findById<PlaceDoc>(PLACES, input.scopeId);
      if (!scope) throw notFound('辖区');
      plan = planGrant(caller, target, { role: 'admin', scope, reason: input.reason }, ctx.now);
    } else {
      if (!input.orgId) throw invalid('请选择机构', [{ path: 'orgId', message: 'required for provider' }]);
      const org = await findById<OrgDoc>(ORGANIZATIONS, input.orgId);
      if (!org) throw notFound('机构');
      plan = planGrant(caller, target, { role: 'provider', org, reason: input.reason }, ctx.now);
    }
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
