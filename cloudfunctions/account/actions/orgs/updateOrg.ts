/**
 * updateOrg — an admin of the organization's scope edits it, changes the communities it serves, or deactivates it.
 * Input: { orgId, name?, description?, services?, communityIds?, active? }. Result: OrgView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONTENT_REJECTED, CONFLICT (changed meanwhile).
 * Round trips: 3 (caller; the organization, joined with the new communities when they change; update).
 */
import { action } from '../../../common/action';
import { requireAdminOver } from '../../../common/auth';
import { db } from '../../../common/cloud';
import { checkText } from '../../../common/contentCheck';
import { findById, updatedCount } from '../../../common/db';
import { conflict, invalid, notFound } from '../../../common/errors';
import { accountInputs } from '../../contract';
import { isWithin, PLACES, type PlaceDoc } from '../../../common/directory/places';
import { orgView } from '../../domain/orgs';
import { ORGANIZATIONS, type OrgDoc } from '../../../common/directory/orgs';

async function orgWithPlaces(
  orgId: string,
  communityIds: string[],
): Promise<(OrgDoc & { places: PlaceDoc[] }) | undefined> {
  const { list } = (await db
    .collection(ORGANIZATIONS)
    .aggregate()
    .match({ _id: orgId })
    .lookup({ from: PLACES, pipeline: [{ $match: { _id: { $in: communityIds } } }], as: 'places' })
    .limit(1)
    .end()) as { list: (OrgDoc & { places: PlaceDoc[] })[] };
  return list[0];
}

export default action({
  input: accountInputs.updateOrg,
  async run(input, ctx) {
    const me = await ctx.caller();
    // One read for the organization and, when they change, the communities it will serve ($lookup).
    const org = input.communityIds
      ? await orgWithPlaces(input.orgId, input.communityIds)
      : await findById<OrgDoc & { places?: PlaceDoc[] }>(ORGANIZATIONS, input.orgId);
    if (!org) throw notFound('机构');
    requireAdminOver(me, org.scopePath);
    await checkText(ctx.openid, [input.name, input.description, ...(input.services ?? [])]);
    const next: OrgDoc & { places?: PlaceDoc[] } = { ...org, updatedAt: ctx.now };
    if (input.name !== undefined) next.name = input.name;
    if (input.description !== undefined) next.description = input.description;
    if (input.services !== undefined) next.services = input.services;
    if (input.active !== undefined) next.active = input.active;
    if (input.communityIds !== undefined) {
      const places: PlaceDoc[] = org.places ?? [];
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
    const { _id, places: _places, ...data } = next as OrgDoc & { places?: PlaceDoc[] };
    const res = await db.collection(ORGANIZATIONS).where({ _id, updatedAt: org.updatedAt }).update({ data });
    if (updatedCount(res) === 0) throw conflict('机构信息刚被修改，请刷新后重试');
    return orgView(next);
  },
});
