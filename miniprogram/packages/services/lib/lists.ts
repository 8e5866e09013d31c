/**
 * What the order lists of the services pages share: an order as a line, and a tabbed list loaded 20 at a time
 * ("再看 20 条"), so 我的预约, 服务工单 and 逾期与回访 behave the same.
 */
import type { CloudReply } from '../../../lib/cloud';
import { distanceWords } from '../../../lib/distance';
import type { ListPage } from '../../../lib/api';
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
  const place = `${o.beneficiaryNameMasked} · ${o.communityName}`;
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

/** The page data a tabbed order list uses. */
export interface ListData {
  status: 'loading' | 'ready' | 'error';
  errorMessage: string;
  tab: string;
  lines: OrderLine[];
  next: number | null;
  loadingMore: boolean;
}

/** Initial data of a tabbed list. */
export function listData(tab: string): ListData {
  return { status: 'loading', errorMessage: '', tab, lines: [], next: null, loadingMore: false };
}

type Loader = (tab: string, offset: number) => Promise<CloudReply<ListPage<OrderCard>>>;
type Host = WechatMiniprogram.Component.TrivialInstance & { data: ListData };

/** Loads the first page of `tab` into the page. */
export async function loadFirst(page: Host, load: Loader, tab: string): Promise<void> {
  const reply = await load(tab, 0);
  if (reply.ok)
    page.setData({ status: 'ready', tab, lines: reply.data.items.map(orderLine), next: reply.data.next });
  else page.setData({ status: 'error', errorMessage: reply.error.message });
}

/** Appends the next page. */
export async function loadMore(page: Host, load: Loader): Promise<void> {
  const offset = page.data.next;
  if (offset === null || page.data.loadingMore) return;
  page.setData({ loadingMore: true });
  const reply = await load(page.data.tab, offset);
  if (!reply.ok) {
    page.setData({ loadingMore: false });
    wx.showToast({ title: reply.error.message, icon: 'none' });
    return;
  }
  page.setData({
    loadingMore: false,
    lines: [...page.data.lines, ...reply.data.items.map(orderLine)],
    next: reply.data.next,
  });
}
