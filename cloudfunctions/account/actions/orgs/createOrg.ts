/**
 * createOrg — an admin registers a social organization (社会组织) serving communities in their scope.
 * Idempotent on the client's key (common/idempotency). Input: { name, description, services, communityIds, scopeId, idempotencyKey }.
 * Result: OrgView. Errors: INVALID_INPUT (a community outside the scope), UNAUTHENTICATED, FORBIDDEN (scope not
 * the admin's), NOT_FOUND (place), CONTENT_REJECTED. Round trips: 3 (caller, places, insert); a replay of the key
 * 4 (the stored organization read back).
 */
import { action } from '../../../common/action';
import { requireAdminOver } from '../../../common/auth';
import { _, db } from '../../../common/cloud';
import { checkText } from '../../../common/contentCheck';
import { rows } from '../../../common/db';
import { invalid, notFound } from '../../../common/errors';
import { idempotentCreate, idempotentId } from '../../../common/idempotency';
import { accountInputs } from '../../contract';
import { isWithin, PLACES, type PlaceDoc } from '../../../common/directory/places';
import { orgView } from '../../domain/orgs';
import { ORGANIZATIONS, type OrgDoc } from '../../../common/directory/orgs';

export default action({
  input: accountInputs.createOrg,
  async run(input, ctx) {
    const me = await ctx.caller();
    const places = rows<PlaceDoc>(
      await db
        .collection(PLACES)
        .where({ _id: _.in([input.scopeId, ...input.communityIds]) })
        .limit(200)
        .get(),
    );
    const scope = places.find((p) => p._id === input.scopeId);
    if (!scope) throw notFound('辖区');
    requireAdminOver(me, scope.path);
    const communities = input.communityIds.map((id) =>
      places.find((p) => p._id === id && p.level === 'community'),
    );
    const bad = input.communityIds.filter(
      (_id, i) => !communities[i] || !isWithin(communities[i]!, scope._id),
    );
    if (bad.length > 0)
      throw invalid(
        '服务社区须在辖区内',
        bad.map((id) => ({ path: 'communityIds', message: id })),
      );
    await checkText(ctx.openid, [input.name, input.description, ...input.services]);
    const org: OrgDoc = {
      _id: idempotentId(me._id, 'createOrg', input.idempotencyKey),
      name: input.name,
      description: input.description,
      services: input.services,
      communityIds: input.communityIds,
      communityNames: communities.map((c) => c!.name),
      scopeId: scope._id,
      scopePath: scope.path,
      active: true,
      createdBy: me._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: ORGANIZATIONS, build: () => org, reply: orgView });
  },
});
