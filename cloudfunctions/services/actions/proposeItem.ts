/**
 * proposeItem — 社会组织提菜: provider staff propose a menu item for communities their organization serves; it
 * waits for an admin of the organization's scope. Idempotent on the client's key (common/idempotency).
 * Input: item fields (name, category, description, unit, priceType, priceYuan, eligibility, communityIds,
 * capacityPerSlot, durationMinutes) and idempotencyKey. Result: ItemAdminView (status `proposed`).
 * Errors: INVALID_INPUT (a community the organization does not serve; a price that does not fit the type),
 * UNAUTHENTICATED, FORBIDDEN (not provider staff), CONFLICT (organization stopped), CONTENT_REJECTED.
 * Round trips: 2 (caller with organization and any earlier attempt, insert).
 */
import { action } from '../../common/action';
import { requireProvider } from '../../common/auth';
import { checkText } from '../../common/contentCheck';
import { notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { servicesInputs } from '../contract';
import { workActor } from '../domain/access';
import { fenOf, planProposal } from '../domain/menu';
import { itemAdminView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { ITEMS, type ItemDoc } from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';

export default action({
  input: servicesInputs.proposeItem,
  async run(input, ctx) {
    const _id = idempotentId(ctx.openid, 'proposeItem', input.idempotencyKey);
    const r = await readWithCaller(ctx, [
      { as: 'existing', from: ITEMS, match: { _id } },
      { set: { staffOrgIds: '$roles.orgId' } },
      { as: 'orgs', from: ORGANIZATIONS, localField: 'staffOrgIds', foreignField: '_id' },
    ]);
    const me = r.caller;
    requireProvider(me);
    const existing = r.one<ItemDoc>('existing');
    if (existing) return itemAdminView(existing);
    const orgId = me.roles.find((g) => g.role === 'provider')!.orgId;
    const org = r.all<OrgRef>('orgs').find((o) => o._id === orgId);
    if (!org) throw notFound('机构');
    await checkText(ctx.openid, [input.name, input.description, input.unit], 3);
    const { idempotencyKey: _key, priceYuan, ...fields } = input;
    const item: ItemDoc = {
      _id,
      ...planProposal(org, { ...fields, priceFen: fenOf(priceYuan) }, workActor(me, 'provider'), ctx.now),
      proposerOpenid: ctx.openid,
    };
    return idempotentCreate({ collection: ITEMS, build: () => item, reply: itemAdminView });
  },
});
