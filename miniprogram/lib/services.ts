/**
 * The `services` function's view types for pages (`import type` only; calls go through lib/api.ts `call`), the
 * subscription templates residents are asked about when they order, and small display helpers pages share.
 */
import type { OrderCard, OrderView, ResidentTemplate } from '../../cloudfunctions/services/contract';

export type {
  AgainView,
  BeneficiaryOption,
  Category,
  DemandView,
  ItemAdminView,
  ItemCard,
  ItemDetail,
  MenuView,
  OrderActions,
  OrderCard,
  OrderView,
  ProviderStat,
  Quote,
  SlotView,
  TimelineView,
  VoucherMonth,
  VoucherView,
} from '../../cloudfunctions/services/contract';

/**
 * Template ids of the messages residents can agree to when ordering. Per mini program: set them to the ones
 * chosen in the WeChat console, and the same in the function's MULIN_TEMPLATE_* settings at deploy time; the
 * local ones match what the local cloud sends.
 */
export const ORDER_TEMPLATES: Record<ResidentTemplate, string> = {
  ORDER_STATUS: 'local-order_status',
  SERVICE_SURVEY: 'local-service_survey',
};

/** Asks consent for order messages; returns the kinds agreed to. Declining or an old WeChat never blocks ordering. */
export async function askOrderConsent(): Promise<ResidentTemplate[]> {
  const kinds = Object.keys(ORDER_TEMPLATES) as ResidentTemplate[];
  try {
    const res = (await wx.requestSubscribeMessage({
      tmplIds: kinds.map((k) => ORDER_TEMPLATES[k]),
    } as WechatMiniprogram.RequestSubscribeMessageOption)) as unknown as Record<string, string>;
    return kinds.filter((k) => res[ORDER_TEMPLATES[k]] === 'accept');
  } catch (err) {
    console.warn('requestSubscribeMessage failed', err);
    return [];
  }
}

/** 30 元 from fen. */
export function yuan(fen: number): string {
  const y = fen / 100;
  return `${Number.isInteger(y) ? y : y.toFixed(2).replace(/0$/, '')} 元`;
}

/** Tag theme per order state (TDesign t-tag). */
export function statusTheme(
  status: OrderCard['status'],
): 'primary' | 'warning' | 'success' | 'default' | 'danger' {
  if (status === 'completed') return 'warning';
  if (status === 'confirmed') return 'success';
  if (status === 'cancelled') return 'default';
  return 'primary';
}

/**
 * What happens next with an order, for a viewer the page offers no action (so no state is a dead end): who acts
 * next, or that nothing more will happen and whom to ask.
 */
export function orderNextStep(
  o: Pick<OrderView, 'status' | 'slotLabel' | 'can'> & { orgName?: string },
): string {
  if (Object.values(o.can).some(Boolean)) return '';
  const org = o.orgName ?? '服务机构';
  switch (o.status) {
    case 'submitted':
      return '正在为您找服务机构，找到后机构会确认接单；长时间没有机构接单时，社区工作人员会跟进。';
    case 'matched':
      return `已交给${org}，等机构确认接单。`;
    case 'accepted':
      return `${org}已接单，工作人员会在 ${o.slotLabel} 上门，到了会签到开始服务。需要改时间请联系社区。`;
    case 'in_service':
      return '工作人员正在服务，服务完成后会签退并写下服务记录。';
    case 'completed':
      return '服务已完成，等居民评价；没有评价的，社区工作人员会电话回访。';
    case 'confirmed':
      return '这次服务已经结束，谢谢。有问题请联系社区工作人员。';
    case 'cancelled':
      return '这次预约已取消，不会有人上门。需要的话可以重新预约。';
  }
  return '';
}

/** Pages of the services subpackage. */
export const SERVICES_PAGES = {
  item: (id: string) => `/packages/services/pages/item/index?id=${encodeURIComponent(id)}`,
  order: (id: string) => `/packages/services/pages/order/index?id=${encodeURIComponent(id)}`,
  orders: '/packages/services/pages/orders/index',
  ask: '/packages/services/pages/ask/index',
  vouchers: '/packages/services/pages/vouchers/index',
  work: '/packages/services/pages/work/index',
  manage: '/packages/services/pages/manage/index',
  demands: '/packages/services/pages/demands/index',
  overdue: '/packages/services/pages/overdue/index',
  stats: '/packages/services/pages/stats/index',
  /** 再来一单: the item's page for the same person, filled from the past order. */
  again: (o: { id: string; itemId: string; beneficiaryId: string }) =>
    `/packages/services/pages/item/index?id=${encodeURIComponent(o.itemId)}&for=${encodeURIComponent(o.beneficiaryId)}&again=${encodeURIComponent(o.id)}`,
} as const;
