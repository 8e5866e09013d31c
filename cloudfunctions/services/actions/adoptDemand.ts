/**
 * adoptDemand — 需求转菜单: an admin of the community turns a line of the demand list into a menu item, offered
 * by organizations in their scope (in the line's community unless others are given), approved at once; everyone
 * who asked is told, once. The line is claimed first (conditionally, tagged with the item's id), so two admins
 * cannot adopt it twice; the item's id comes from the idempotency key, so a replay of the tap — at once or later —
 * gets the same item: one that finds the line claimed by its twin finishes the item (common/idempotency).
 * Input: { demandId, item fields (communityIds optional), orgIds, idempotencyKey }. Result: ItemAdminView.
 * Errors: INVALID_INPUT (price; a community nobody serves), UNAUTHENTICATED, FORBIDDEN (line or organization
 * outside the admin's scope), NOT_FOUND (line, organization), CONFLICT (already adopted; organization stopped),
 * CONTENT_REJECTED. Round trips: 4 (read with any item made under this key, claim the line, insert the item, the
 * messages kept in the askers' message centre in one write); 1 for a replay after the item exists; a twin in
 * flight one or two more (the line read; the stored item).
 */
import { action } from '../../common/action';
import { isAdminOver, requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { findById, updatedCount } from '../../common/db';
import { conflict, forbidden, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { servicesInputs } from '../contract';
import { workActor } from '../domain/access';
import { fenOf, planAdminItem } from '../domain/menu';
import { itemAdminView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { tellOutcome } from '../notices';
import { DEMANDS, ITEMS, type DemandDoc, type ItemDoc } from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';

export default action({
  input: servicesInputs.adoptDemand,
  async run(input, ctx) {
    const itemId = idempotentId(ctx.openid, 'adoptDemand', input.idempotencyKey);
    const r = await readWithCaller(ctx, [
      { as: 'existing', from: ITEMS, match: { _id: itemId } },
      { as: 'demand', from: DEMANDS, match: { _id: input.demandId } },
      { as: 'orgs', from: ORGANIZATIONS, match: { _id: _.in(input.orgIds) } },
    ]);
    const demand = r.one<DemandDoc>('demand');
    if (!demand) throw notFound('需求');
    requireAdminOver(r.caller, demand.placePath);
    const existing = r.one<ItemDoc>('existing');
    if (existing) return itemAdminView(existing);
    const orgs = input.orgIds.map((id) => r.all<OrgRef>('orgs').find((o) => o._id === id));
    if (orgs.some((o) => !o)) throw notFound('机构');
    if (orgs.some((o) => !isAdminOver(r.caller, o!.scopePath))) throw forbidden('只能选择本辖区登记的机构');
    const mine = (d: Pick<DemandDoc, 'status' | 'itemId'> | undefined) =>
      d?.status === 'adopted' && d.itemId === itemId ? true : undefined;
    if (demand.status === 'adopted' && !mine(demand)) throw conflict('这条需求已经转成服务项目了');
    await checkText(ctx.openid, [input.name, input.description, input.unit], 3);
    const { demandId, orgIds: _orgIds, idempotencyKey: _key, priceYuan, communityIds, ...fields } = input;
    const item: ItemDoc = {
      _id: itemId,
      ...planAdminItem(
        orgs as OrgRef[],
        { ...fields, priceFen: fenOf(priceYuan), communityIds: communityIds ?? [demand.communityId] },
        workActor(r.caller, 'admin'),
        ctx.now,
        demandId,
      ),
    };
    return idempotentCreate({
      collection: ITEMS,
      take: {
        held: mine(demand),
        take: async () => {
          const claimed = await db
            .collection(DEMANDS)
            .where({ _id: demand._id, status: 'open' })
            .update({ data: { status: 'adopted', itemId, adoptedBy: r.caller._id, adoptedAt: ctx.now } });
          return updatedCount(claimed) === 1 ? true : undefined;
        },
        heldByTwin: async () => mine(await findById<DemandDoc>(DEMANDS, demand._id)),
        refused: () => conflict('这条需求刚刚被其他管理员处理了'),
      },
      build: () => item,
      reply: itemAdminView,
      created: () =>
        Promise.all(
          demand.requesterOpenids.map((openid) =>
            tellOutcome(
              openid,
              'DEMAND_ADOPTED',
              item.name,
              '您提的需求已上架，可以预约了',
              `packages/services/pages/item/index?id=${itemId}`,
            ),
          ),
        ),
    });
  },
});
