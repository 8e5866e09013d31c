/**
 * editItem — an admin of the item's scope changes it: words, price, who may order, capacity, the communities
 * where it is offered and the organizations that deliver it (organizations in the admin's scope). Orders
 * already placed keep their price and places; a lower capacity only limits new orders.
 * Input: { itemId, and any of name, description, unit, priceType, priceYuan, eligibility, communityIds,
 * capacityPerSlot, durationMinutes, orgIds }. Result: ItemAdminView.
 * Errors: INVALID_INPUT (price does not fit the type; a community nobody serves), UNAUTHENTICATED, FORBIDDEN
 * (item or an added organization outside the admin's scope), NOT_FOUND (item, organization), CONFLICT
 * (an organization stopped; changed meanwhile), CONTENT_REJECTED.
 * Round trips: 2.
 */
import { action } from '../../common/action';
import { isAdminOver, requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { conflict, forbidden, invalid, notFound } from '../../common/errors';
import { servicesInputs } from '../contract';
import { workActor } from '../domain/access';
import { checkPrice, fenOf, uncovered } from '../domain/menu';
import { itemAdminView } from '../domain/views';
import { firstOf, readWithCaller } from '../../common/joins';
import { ITEMS, type ItemDoc, type ItemEvent } from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';

export default action({
  input: servicesInputs.editItem,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'item', from: ITEMS, match: { _id: input.itemId }, project: { slots: 0, holds: 0 } },
      { set: { orgIdsSeen: _.aggregate.concatArrays([firstOf('item.orgIds'), input.orgIds ?? []]) } },
      { as: 'orgs', from: ORGANIZATIONS, localField: 'orgIdsSeen', foreignField: '_id' },
    ]);
    const item = r.one<ItemDoc>('item');
    if (!item) throw notFound('服务项目');
    requireAdminOver(r.caller, item.scopePath);
    const { itemId: _id, priceYuan, orgIds, ...fields } = input;
    await checkText(ctx.openid, [input.name, input.description, input.unit], 3);
    const next: ItemDoc = { ...item };
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) Object.assign(next, { [key]: value });
    if (priceYuan !== undefined) next.priceFen = fenOf(priceYuan);
    if (next.priceType === 'free') next.priceFen = 0;
    const all = r.all<OrgRef>('orgs');
    if (orgIds) {
      const chosen = [...new Set(orgIds)].map((id) => all.find((o) => o._id === id));
      if (chosen.some((o) => !o)) throw notFound('机构');
      const added = chosen.filter((o) => !item.orgIds.includes(o!._id));
      if (added.some((o) => !isAdminOver(r.caller, o!.scopePath)))
        throw forbidden('只能添加本辖区登记的机构');
      if (added.some((o) => !o!.active)) throw conflict('该机构已停用');
      next.orgIds = chosen.map((o) => o!._id);
      next.orgNames = chosen.map((o) => o!.name);
    }
    const orgsNow = all.filter((o) => next.orgIds.includes(o._id));
    const issues = [
      ...checkPrice(next.priceType, next.priceFen),
      ...uncovered(next.communityIds, orgsNow).map((c) => ({
        path: 'communityIds',
        message: `没有机构服务这个社区：${c}`,
      })),
    ];
    if (issues.length > 0) throw invalid('服务项目信息有误', issues);
    const changed = Object.keys(input).filter((k) => k !== 'itemId');
    const event: ItemEvent = {
      kind: 'edit',
      by: workActor(r.caller, 'admin'),
      at: ctx.now,
      note: `修改了 ${changed.join('、')}`,
    };
    const { _id: _ignored, history: _h, slots: _s, ...data } = { ...next, updatedAt: ctx.now };
    const res = await db
      .collection(ITEMS)
      .where({ _id: item._id, updatedAt: item.updatedAt })
      .update({ data: { ...data, history: _.push([event]) } });
    if (updatedCount(res) === 0) throw conflict('服务项目刚被修改，请刷新后再看');
    return itemAdminView({ ...next, updatedAt: ctx.now, history: [...item.history, event] });
  },
});
