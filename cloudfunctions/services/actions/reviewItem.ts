/**
 * reviewItem — 政府定菜: an admin of the item's scope approves or rejects a proposal (a rejection needs a reason),
 * retires an item from the menu, or restores it. Approval needs every listed community to be served by one of
 * its organizations. The proposer is told. Orders already placed for a retired item are kept.
 * Input: { itemId, decision, reason }. Result: ItemAdminView.
 * Errors: INVALID_INPUT (no reason to reject; a community nobody serves), UNAUTHENTICATED, FORBIDDEN (outside
 * the admin's scope), NOT_FOUND, CONFLICT (not in a state for this decision; changed meanwhile).
 * Round trips: 3 (the read, the update, the message kept in the proposer's message centre).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, invalid, notFound } from '../../common/errors';
import { servicesInputs } from '../contract';
import { workActor } from '../domain/access';
import { planReview, uncovered } from '../domain/menu';
import { itemAdminView } from '../domain/views';
import { firstOf, readWithCaller } from '../../common/joins';
import { tellOutcome } from '../notices';
import { ITEMS, type ItemDoc } from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';

const OUTCOME = {
  approve: '已通过，已上架',
  reject: '未通过',
  retire: '已下架',
  restore: '已重新上架',
} as const;

export default action({
  input: servicesInputs.reviewItem,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'item', from: ITEMS, match: { _id: input.itemId }, project: { slots: 0, holds: 0 } },
      { set: { itemOrgIds: firstOf('item.orgIds') } },
      { as: 'orgs', from: ORGANIZATIONS, localField: 'itemOrgIds', foreignField: '_id' },
    ]);
    const item = r.one<ItemDoc>('item');
    if (!item) throw notFound('服务项目');
    requireAdminOver(r.caller, item.scopePath);
    const plan = planReview(item, input.decision, input.reason, workActor(r.caller, 'admin'), ctx.now);
    if (plan.status === 'approved') {
      const missing = uncovered(item.communityIds, r.all<OrgRef>('orgs'));
      if (missing.length > 0)
        throw invalid(
          '有的社区没有机构提供这项服务，请先修改服务社区',
          missing.map((c) => ({ path: 'communityIds', message: c })),
        );
    }
    const res = await db
      .collection(ITEMS)
      .where({ _id: item._id, status: plan.from, updatedAt: item.updatedAt })
      .update({ data: { status: plan.status, updatedAt: ctx.now, history: _.push([plan.event]) } });
    if (updatedCount(res) === 0) throw conflict('服务项目刚被修改，请刷新后再看');
    if (item.proposerOpenid)
      await tellOutcome(
        item.proposerOpenid,
        'ITEM_REVIEWED',
        item.name,
        input.reason ? `${OUTCOME[input.decision]}：${input.reason}` : OUTCOME[input.decision],
        'packages/services/pages/manage/index',
      );
    return itemAdminView({
      ...item,
      status: plan.status,
      updatedAt: ctx.now,
      history: [...item.history, plan.event],
    });
  },
});
