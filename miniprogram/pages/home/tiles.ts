/**
 * The big tiles of 首页 for the key actions (订餐, 保洁, 我的预约, 打电话给社区, in the order the community chose)
 * and 再来一单 when the person has had a service carried out. A tile opens the booking itself where it can:
 * 订餐 and 保洁 go straight to the first such service on the community's menu.
 */
import { HOME_TILE_LABELS, type Category, type HomeTile } from '../../shared/choices';
import { SERVICES_PAGES, type OrderCard } from '../../lib/services';
import { call } from '../../lib/api';

/** A tile as drawn. */
export interface TileView {
  id: HomeTile | 'again';
  label: string;
  /** A second line: the service 再来一单 repeats. */
  note: string;
  icon: string;
}

const ICONS: Record<HomeTile, string> = { meal: 'rice', cleaning: 'clear', orders: 'calendar', call: 'call' };

/** The menu category a booking tile opens. */
export const TILE_CATEGORY: Partial<Record<HomeTile, Category>> = { meal: '助餐', cleaning: '助洁' };

/** The tiles to draw: the community's, then 再来一单 for the last service carried out. */
export function tilesOf(tiles: HomeTile[], last: OrderCard | undefined): TileView[] {
  const views: TileView[] = tiles.map((id) => ({
    id,
    label: HOME_TILE_LABELS[id],
    note: '',
    icon: ICONS[id],
  }));
  if (last) views.push({ id: 'again', label: '再来一单', note: last.itemName, icon: 'refresh' });
  return views;
}

/** The last service carried out for the person or ordered by them, for 再来一单 (none when it cannot be read). */
export async function lastServed(): Promise<OrderCard | undefined> {
  const reply = await call('services', 'myOrders', { view: 'served', limit: 1 });
  return reply.ok ? reply.data.items[0] : undefined;
}

/** The page of the first service of `category` on the caller's menu; a plain message when there is none. */
export async function bookingOf(category: Category): Promise<{ url: string } | { message: string }> {
  const reply = await call('services', 'menu', { category, limit: 1 });
  if (!reply.ok) return { message: reply.error.message };
  const item = reply.data.items.items[0];
  return item ? { url: SERVICES_PAGES.item(item.id) } : { message: `您的社区还没有开通${category}服务` };
}
