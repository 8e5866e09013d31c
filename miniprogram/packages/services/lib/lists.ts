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

/** The time left to accept a work order, plainly: "还有 25 分钟接单", "还有 1 小时 5 分钟接单", "已超过接单时间". */
export function acceptCountdown(minutes: number): string {
  if (minutes < 0) return '已超过接单时间，请尽快接单';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `还有 ${h > 0 ? `${h} 小时${m > 0 ? ` ${m} 分钟` : ''}` : `${m} 分钟`}接单`;
}

/** A work order of the staff's today list: the line, where to go, the time left to accept, whom to call. */
export interface TodayLine extends OrderLine {
  /** The order still waits for someone of the organization to accept it. */
  acceptable: boolean;
  countdown: string;
  latitude: number;
  longitude: number;
  /** Shown to whoever accepted it (the function reveals it to them only). */
  address: string;
  phone: string;
}

/** A today card as a line with its buttons. */
export function todayLine(o: OrderCard): TodayLine {
  const t = o.today;
  return {
    ...orderLine(o),
    acceptable: o.status === 'matched',
    countdown: t?.minutesToAccept === undefined ? '' : acceptCountdown(t.minutesToAccept),
    latitude: t?.latitude ?? 0,
    longitude: t?.longitude ?? 0,
    address: t?.address ?? '',
    phone: t?.phone ?? '',
  };
}
