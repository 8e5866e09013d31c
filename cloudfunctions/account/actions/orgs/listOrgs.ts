/**
 * listOrgs — organizations: those serving a community (anyone: residents see who serves them); with `mine`, the
 * ones the caller works for (provider staff); for an admin without a community given, all in their scope with
 * staff counts; with `mine`, also their colleagues (names masked: 张*), for the organization's page.
 * Input: { communityId?, mine? }. Result: OrgView[]. Errors: UNAUTHENTICATED.
 * Round trips: 2 (3 for admins: staff counts; 3 with `mine`: colleagues).
 */
import { action } from '../../../common/action';
import { adminGrants, providerOrgIds } from '../../../common/auth';
import { _, db } from '../../../common/cloud';
import { rows } from '../../../common/db';
import { USERS, type UserDoc } from '../../../common/directory/users';
import { maskName } from '../../../common/mask';
import { accountInputs, type OrgView } from '../../contract';
import { orgView } from '../../domain/orgs';
import { ORGANIZATIONS, type OrgDoc } from '../../../common/directory/orgs';

export default action({
  input: accountInputs.listOrgs,
  async run(input, ctx): Promise<OrgView[]> {
    const me = await ctx.caller();
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    if (input.mine) {
      const orgIds = providerOrgIds(me);
      if (orgIds.length === 0) return [];
      const orgs = rows<OrgDoc>(
        await db
          .collection(ORGANIZATIONS)
          .where({ _id: _.in(orgIds) })
          .limit(10)
          .get(),
      );
      const staff = rows<Pick<UserDoc, '_id' | 'nickname' | 'realName' | 'roles'>>(
        await db
          .collection(USERS)
          .where({ 'roles.orgId': _.in(orgIds) })
          .field({ nickname: true, realName: true, roles: true })
          .limit(200)
          .get(),
      );
      return orgs.map((o) => {
        const members = staff.filter((u) => u.roles.some((g) => g.role === 'provider' && g.orgId === o._id));
        return {
          ...orgView(o, members.length),
          members: members.map((u) => {
            const workPhone = u.roles.find((g) => g.role === 'provider' && g.orgId === o._id)?.workPhone;
            return {
              id: u._id,
              name: u.realName ? maskName(u.realName) : u.nickname,
              ...(workPhone ? { workPhone } : {}),
              me: u._id === me._id,
            };
          }),
        };
      });
    }
    if (input.communityId || scopes.length === 0) {
      const communityId = input.communityId ?? me.communityId;
      if (!communityId) return [];
      const orgs = rows<OrgDoc>(
        await db
          .collection(ORGANIZATIONS)
          .where({ communityIds: communityId, active: true })
          .orderBy('name', 'asc')
          .limit(100)
          .get(),
      );
      return orgs.map((o) => orgView(o));
    }
    const orgs = rows<OrgDoc>(
      await db
        .collection(ORGANIZATIONS)
        .where({ scopePath: _.in(scopes) })
        .orderBy('name', 'asc')
        .limit(100)
        .get(),
    );
    const counts = (
      (await db
        .collection(USERS)
        .aggregate()
        .match({ 'roles.orgId': _.in(orgs.map((o) => o._id)) })
        .unwind('$roles')
        .match({ 'roles.role': 'provider' })
        .group({ _id: '$roles.orgId', n: _.aggregate.sum(1) })
        .limit(1000)
        .end()) as { list: { _id: string; n: number }[] }
    ).list;
    const byOrg = new Map(counts.map((c) => [c._id, c.n]));
    return orgs.map((o) => orgView(o, byOrg.get(o._id) ?? 0));
  },
});
