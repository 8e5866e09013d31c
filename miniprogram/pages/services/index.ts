/**
 * 服务 (tab): the menu of the user's community by category (百姓点菜), 20 items at a time, with the ways in to
 * what each role does here — residents: my orders, vouchers, asking for a new service; provider staff: work
 * orders; admins: approving the menu, the demand list, overdue orders and callbacks, satisfaction.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode';
import { pagedList, type PageResult } from '../../behaviors/paged-list';
import { type LoadResult, type PageQuery, pageQuery } from '../../behaviors/remote-page';
import { tabPageBehavior } from '../../behaviors/tab-page';
import { ensureSession } from '../../lib/session';
import { SERVICES_PAGES, type ItemCard, type MenuView } from '../../lib/services';
import { call } from '../../lib/api';

/** An item as a line of the menu. */
interface ItemLine {
  id: string;
  title: string;
  description: string;
  note: string;
  url: string;
}

/** A way in to another page. */
interface Entry {
  id: string;
  title: string;
  icon: string;
  url: string;
}

function itemLine(i: ItemCard): ItemLine {
  return {
    id: i.id,
    title: i.fromDemand ? `${i.name}（居民点的）` : i.name,
    description: `${i.eligibilityText} · ${i.orgNames.join('、')}`,
    note: i.priceText.replace('，用补贴券抵扣', ' 补贴'),
    url: SERVICES_PAGES.item(i.id),
  };
}

const RESIDENT: Entry[] = [
  { id: 'orders', title: '我的预约', icon: 'assignment', url: SERVICES_PAGES.orders },
  { id: 'vouchers', title: '补贴券', icon: 'wallet', url: SERVICES_PAGES.vouchers },
  { id: 'ask', title: '想要新服务', icon: 'chat-bubble-help', url: SERVICES_PAGES.ask },
];
const PROVIDER: Entry[] = [{ id: 'work', title: '服务工单', icon: 'task', url: SERVICES_PAGES.work }];
const ADMIN: Entry[] = [
  { id: 'manage', title: '审核菜单', icon: 'check-rectangle', url: SERVICES_PAGES.manage },
  { id: 'demands', title: '需求清单', icon: 'chart-bar', url: SERVICES_PAGES.demands },
  { id: 'overdue', title: '逾期与回访', icon: 'time', url: SERVICES_PAGES.overdue },
  { id: 'stats', title: '机构满意度', icon: 'thumb-up', url: SERVICES_PAGES.stats },
];

Component({
  behaviors: [elderModeBehavior, tabPageBehavior, pagedList],
  data: {
    communityName: '',
    needsCommunity: false,
    categories: [] as { category: string; label: string }[],
    category: '',
    items: [] as ItemLine[],
    entries: RESIDENT,
    workEntries: [] as Entry[],
    profileUrl: '/packages/account/pages/profile/index',
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const { me } = session;
      const workEntries = [...(me.isProvider ? PROVIDER : []), ...(me.isAdmin ? ADMIN : [])];
      if (!me.communityId) {
        return {
          ok: true,
          data: { workEntries, needsCommunity: true, items: [], next: null, categories: [] },
        };
      }
      const menu = await this.loadPage(0, query);
      return menu.ok ? { ok: true, data: { ...menu.data, workEntries, needsCommunity: false } } : menu;
    },
    /** One page of the menu in the chosen category; the first page of 全部 also brings the categories. */
    async loadPage(offset: number, query: PageQuery): Promise<PageResult<ItemLine>> {
      const category = (query.category ?? '') as ItemCard['category'] | '';
      const reply = await call('services', 'menu', { offset, ...(category ? { category } : {}) });
      if (!reply.ok) return reply;
      const menu: MenuView = reply.data;
      return {
        ok: true,
        data: {
          category,
          communityName: menu.communityName ?? '',
          ...(menu.categories && !category
            ? {
                categories: [
                  { category: '', label: '全部' },
                  ...menu.categories.map((c) => ({
                    category: c.category,
                    label: `${c.category} ${c.count}`,
                  })),
                ],
              }
            : {}),
          items: menu.items.items.map(itemLine),
          next: menu.items.next,
        },
      };
    },
    onCategory(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { category: string }>,
    ) {
      const { category } = e.currentTarget.dataset;
      if (category === this.data.category) return;
      // The menu stays on screen until the category's items arrive (the chip turns with them).
      void this.reload({ ...pageQuery(this), category });
    },
  },
});
