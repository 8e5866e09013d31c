/**
 * The subscription messages of the services capability. Residents get only the kinds they agreed to when
 * ordering; staff and admins get work messages (their pages ask for consent). `notify` never throws.
 */
import { notify, templateId, thing } from '../common/notify';
import { slotLabel } from '../../miniprogram/shared/calendar';
import type { ResidentTemplate } from './contract';
import type { OrderDoc } from './documents';

/** The page a message opens for an order. */
export function orderPage(orderId: string): string {
  return `packages/services/pages/order/index?id=${orderId}`;
}

/** Tells whoever ordered what happened to the order (a subscription message if they agreed to this kind). */
export function tellOrderer(
  order: Pick<OrderDoc, '_id' | 'itemName' | 'slot' | 'orderedByOpenid' | 'consent'>,
  kind: ResidentTemplate,
  status: string,
  note: string,
): Promise<boolean> {
  return notify(
    {
      touser: order.orderedByOpenid,
      templateId: templateId(kind),
      page: kind === 'SERVICE_SURVEY' ? `${orderPage(order._id)}&rate=1` : orderPage(order._id),
      data: {
        thing1: thing(order.itemName),
        thing2: thing(slotLabel(order.slot)),
        thing3: thing(status),
        thing4: thing(note),
      },
    },
    // Without their consent to this kind, the message only goes to their message centre.
    { send: order.consent.includes(kind) },
  );
}

/** Tells a member of staff how many new work orders wait for their organization. */
export function tellStaff(openid: string, orgName: string, count: number): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('WORK_ORDER'),
    page: 'packages/services/pages/work/index',
    data: { thing1: thing(orgName), thing2: thing(`${count} 个新工单等待接单`) },
  });
}

/** Tells an admin an order needs them. */
export function tellAdmin(
  openid: string,
  order: Pick<OrderDoc, '_id' | 'itemName' | 'slot' | 'communityName'>,
  reason: string,
): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('ORDER_ESCALATED'),
    page: orderPage(order._id),
    data: {
      thing1: thing(order.itemName),
      thing2: thing(slotLabel(order.slot)),
      thing3: thing(order.communityName),
      thing4: thing(reason),
    },
  });
}

/** Tells someone the outcome of what they asked for (a demand adopted, an item reviewed). */
export function tellOutcome(
  openid: string,
  kind: 'DEMAND_ADOPTED' | 'ITEM_REVIEWED',
  what: string,
  outcome: string,
  page: string,
): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId(kind),
    page,
    data: { thing1: thing(what), thing2: thing(outcome) },
  });
}
