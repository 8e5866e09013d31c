/**
 * 网格和部门工作台: the lists of the person's handler roles — a grid team's open reports and patrol queue, a
 * department's queue with deadlines (soonest first), a street admin's reports to dispatch and overdue ones — and,
 * for the street admin, the figures per grid, matter and department (counts, time to respond and to resolve,
 * reopen rate, satisfaction) with the way to the street's setup (事项清单 and departments' staff, grids and their
 * teams). A resident with none of these roles is told so.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf, type PageResult } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { REPORT_ROUTES } from '../../lib/routes';
import type { Figures, QueueView, ReportCard, Workspace } from '../../lib/views';

type Tab = QueueView | 'figures';

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    tab: '' as Tab | '',
    tabs: [] as { value: Tab; label: string }[],
    items: [] as ReportCard[],
    figures: null as Figures | null,
  },
  methods: {
    onLoad(query: PageQuery) {
      void this.reload(query);
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      this.setData({ items: [], figures: null });
      void this.restart({ ...pageQuery(this), tab: e.detail.value });
    },
    async loadPage(offset: number, query: PageQuery): Promise<PageResult> {
      let tabs = this.data.tabs;
      if (tabs.length === 0) {
        const work = await call('reports', 'workspace');
        if (!work.ok) return work;
        tabs = tabsOf(work.data);
      }
      const found: { value: Tab } | undefined = tabs.find((t) => t.value === query.tab) ?? tabs[0];
      if (!found) return { ok: true, data: { items: [], next: null, tabs, tab: '' } };
      const tab = found.value;
      if (tab === 'figures') {
        const reply = await call('reports', 'figures', {});
        if (!reply.ok) return reply;
        return { ok: true, data: { items: [], next: null, tabs, tab, figures: reply.data } };
      }
      return pageOf(await call('reports', 'queue', { view: tab, offset }), (r) => r, { tabs, tab });
    },
    onMatters() {
      void wx.navigateTo({ url: REPORT_ROUTES.matters });
    },
    onGrids() {
      void wx.navigateTo({ url: REPORT_ROUTES.grids });
    },
    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: REPORT_ROUTES.detail(e.currentTarget.dataset.id) });
    },
  },
});

/** The tabs of the person's lists, then the figures for admins. */
function tabsOf(w: Workspace): { value: Tab; label: string }[] {
  return [
    ...w.views.map((v) => ({ value: v.view as Tab, label: v.title })),
    ...(w.figures ? [{ value: 'figures' as Tab, label: '统计' }] : []),
  ];
}
