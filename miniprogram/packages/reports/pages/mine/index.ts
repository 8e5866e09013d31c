/**
 * 我的随手拍 and 身边的问题: the reports the resident made or follows (latest first, 20 at a time), and the reports
 * near them on a map and as a list (nearest first). A big button to report something new; the handlers' 工作台
 * when the resident is on a grid team, in a department or a street admin.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf, type PageResult } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { REPORT_ROUTES } from '../../lib/routes';
import type { ReportCard } from '../../lib/views';

type Tab = 'mine' | 'near';

const EMPTY: Record<Tab, string> = { mine: '您还没有报告或关注过问题', near: '附近 3 公里内没有报告' };

/** A map marker per report. */
function markers(items: ReportCard[]) {
  return items.map((r, i) => ({
    id: i,
    latitude: r.latitude,
    longitude: r.longitude,
    title: r.matterName,
    width: 28,
    height: 36,
  }));
}

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    tab: 'mine' as Tab,
    items: [] as ReportCard[],
    emptyText: EMPTY.mine,
    center: null as { latitude: number; longitude: number } | null,
    markers: [] as ReturnType<typeof markers>,
    locationProblem: '',
    hasWork: false,
    routes: { report: REPORT_ROUTES.report, work: REPORT_ROUTES.work },
  },
  methods: {
    onLoad(query: PageQuery) {
      const tab: Tab = query.tab === 'near' ? 'near' : 'mine';
      this.setData({ tab, emptyText: EMPTY[tab] });
      void this.reload(query);
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      const tab = e.detail.value;
      this.setData({ tab, items: [], emptyText: EMPTY[tab] });
      void this.restart({ ...pageQuery(this), tab });
    },
    async loadPage(offset: number): Promise<PageResult> {
      if (this.data.tab === 'mine') {
        const [reply, work] = await Promise.all([
          call('reports', 'myReports', { offset }),
          offset === 0 ? call('reports', 'workspace') : Promise.resolve(null),
        ]);
        const extra = work?.ok ? { hasWork: work.data.views.length > 0 } : {};
        return pageOf(reply, (r) => r, extra);
      }
      let center: { latitude: number; longitude: number };
      try {
        const loc = await wx.getLocation({ type: 'gcj02' });
        center = { latitude: loc.latitude, longitude: loc.longitude };
      } catch {
        return {
          ok: true,
          data: {
            items: [],
            next: null,
            locationProblem: '没能获取您的位置。允许使用位置后，才能看到身边的问题。',
          },
        };
      }
      const reply = await call('reports', 'nearMe', { location: center });
      if (!reply.ok) return reply;
      return {
        ok: true,
        data: { items: reply.data, next: null, center, markers: markers(reply.data), locationProblem: '' },
      };
    },
    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: REPORT_ROUTES.detail(e.currentTarget.dataset.id) });
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      void wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
    onMarker(e: WechatMiniprogram.CustomEvent<{ markerId: number }>) {
      const r = this.data.items[e.detail.markerId];
      if (r) void wx.navigateTo({ url: REPORT_ROUTES.detail(r.id) });
    },
  },
});
