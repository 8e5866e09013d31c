/**
 * listOrgs — organizations: those serving a community (anyone: residents see who serves them); with `mine`, the
 * ones the caller works for (provider staff); for an admin without a community given, all in their scope with
 * staff counts.
 * Input: { communityId?, mine? }. Result: OrgView[]. Errors: UNAUTHENTICATED. Round trips: 2 (3 for admins: staff counts).
 */
import { action } from '../../../common/action';
import { adminGrants, providerOrgIds } from '../../../common/auth';
import { _, db } from '../../../common/cloud';
import { rows } from '../../../common/db';
import { USERS } from '../../../common/directory/users';
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
      return orgs.map((o) => orgView(o));
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
