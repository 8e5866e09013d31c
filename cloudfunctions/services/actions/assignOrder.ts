/**
 * assignOrder — 人工派单: an admin gives an order nobody could take to an organization that offers the item in
 * the community (after phoning it, even one that declined before). The organization's place in the slot is
 * taken as for any order, so capacity is still never exceeded.
 * Input: { orderId, orgId }. Result: OrderView (status `matched`).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the community), NOT_FOUND (order, or an
 * organization that does not offer it there), CONFLICT (not waiting for a provider), LIMIT_REACHED (that
 * organization's half day is full). Round trips: 3 (read with the item, place, order).
 */
import { action } from '../../common/action';
import { conflict, forbidden, limitReached, notFound } from '../../common/errors';
import { SERVICES_LIMITS, servicesInputs } from '../contract';
import { workActor } from '../domain/access';
import { coveringOrgs } from '../domain/menu';
import { acceptDeadlineFor, transition } from '../domain/orders';
import { orderView } from '../domain/views';
import { itemSide, orderForCaller } from '../steps/orderAccess';
import { releasePlace, reservePlace, writeOrder } from '../store';

export default action({
  input: servicesInputs.assignOrder,
  async run(input, ctx) {
    const { caller, order, rel, joined } = await orderForCaller(ctx, input.orderId, { withItem: true });
    if (!rel.admin) throw forbidden('只有该社区的管理员可以人工派单');
    if (order.status !== 'submitted') throw conflict('这个订单已经有机构了');
    const { item, orgs } = itemSide(joined);
    const org = item && coveringOrgs(item, orgs, order.communityId).find((o) => o._id === input.orgId);
    if (!item || !org) throw notFound('在这个社区提供该服务的机构');
    // The admin talked to the organization: a refusal before no longer stands.
    const reopened = { ...order, excludedOrgIds: order.excludedOrgIds.filter((o) => o !== org._id) };
    const { order: next } = transition(
      reopened,
      {
        kind: 'match',
        orgId: org._id,
        orgName: org.name,
        byAdmin: true,
        acceptDeadline: acceptDeadlineFor(
          ctx.now,
          new Date(order.slotStart),
          SERVICES_LIMITS.acceptSlaMinutes,
        ),
      },
      workActor(caller, 'admin'),
      ctx.now,
    );
    if (!(await reservePlace(item, order.slot, org._id, order.communityId)))
      throw limitReached(`${org.name} 这个时段已经排满了`);
    if (!(await writeOrder(order, next))) {
      await releasePlace(item._id, order.slot, org._id);
      throw conflict('订单刚刚有了变化，请刷新后再看');
    }
    return orderView(next, rel, ctx.now);
  },
});
