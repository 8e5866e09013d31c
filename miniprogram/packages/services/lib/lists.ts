/**
 * What the order lists of the services pages share: an order as a line. The tabbed list itself (loaded 20 at a
 * time) is behaviors/paged-list.ts with ./order-list.wxml, so 我的预约, 服务工单 and 逾期与回访 behave the same.
 */
import { distanceWords } from '../../../lib/distance';
import { SERVICES_PAGES, type OrderCard } from '../../../lib/services';

/** An order as a line of a list. */
export interface OrderLine {
  id: string;
  title: string;
  description: string;
  note: string;
  url: string;
}

/**
 * An order card as a list line: what, when, for whom (and how far, when asked by distance), who serves, a check-in
 * outside the rule, the state.
 */
export function orderLine(o: OrderCard): OrderLine {
  const place = `${o.forMe ? '您本人' : o.beneficiaryNameMasked} · ${o.communityName}`;
  return {
    id: o.id,
    title: `${o.itemName}${o.escalated ? '（需跟进）' : ''}${o.checkInException ? '（签到异常）' : ''}`,
    description: [
      o.slotLabel,
      o.distanceM === undefined ? place : `${place} · 离您约 ${distanceWords(o.distanceM)}`,
      o.orgName,
      o.checkInException,
    ]
      .filter(Boolean)
      .join('\n'),
    note: o.statusText,
    url: SERVICES_PAGES.order(o.id),
  };
}
