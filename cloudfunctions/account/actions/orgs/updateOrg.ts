/**
 * updateOrg — an admin of the organization's scope edits it, changes the communities it serves, or deactivates it.
 * Input: { orgId, name?, description?, services?, communityIds?, active? }. Result: OrgView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONTENT_REJECTED, CONFLICT (changed meanwhile).
 * Round trips: 3; 4 when the communities change (their names are read).
 */
import { action } from '../../../common/action';
import { requireAdminOver } from '../../../common/auth';
import { _, db } from '../../../common/cloud';
import { checkText } from '../../../common/contentCheck';
import { findById, rows, updatedCount } from '../../../common/db';
import { conflict, invalid, notFound } from '../../../common/errors';
import { accountInputs } from '../../contract';
import { isWithin, PLACES, type PlaceDoc } from '../../domain/places';
import { orgView } from '../../domain/orgs';
import { ORGANIZATIONS, type OrgDoc } from '../../store';

export default action({
  input: accountInputs.updateOrg,
  async run(input, ctx) {
    const me = await ctx.caller();
    const org = await findById<OrgDoc>(ORGANIZATIONS, input.orgId);
    if (!org) throw notFound('机构');
    requireAdminOver(me, org.scopePath);
    await checkText(ctx.openid, [input.name, input.description, ...(input.services ?? [])]);
    const next: OrgDoc = { ...org, updatedAt: ctx.now };
    if (input.name !== undefined) next.name = input.name;
    if (input.description !== undefined) next.description = input.description;
    if (input.services !== undefined) next.services = input.services;
    if (input.active !== undefined) next.active = input.active;
    if (input.communityIds !== undefined) {
      const places = rows<PlaceDoc>(
        await db
          .collection(PLACES)
          .where({ _id: _.in(input.communityIds) })
          .limit(200)
          .get(),
      );
      const found = input.communityIds.map((id) =>
        places.find((p) => p._id === id && p.level === 'community'),
      );
      const bad = input.communityIds.filter((_id, i) => !found[i] || !isWithin(found[i]!, org.scopeId));
      if (bad.length > 0)
        throw invalid(
          '服务社区须在辖区内',
          bad.map((id) => ({ path: 'communityIds', message: id })),
        );
      next.communityIds = input.communityIds;
      next.communityNames = found.map((p) => p!.name);
    }
    const { _id, ...data } = next;
    const res = await db.collection(ORGANIZATIONS).where({ _id, updatedAt: org.updatedAt }).update({ data });
    if (updatedCount(res) === 0) throw conflict('机构信息刚被修改，请刷新后重试');
    return orgView(next);
  },
});
