/**
 * 数据看板 (admins): the street's purchased services at a glance — contracts on track / behind / late, money spent
 * and paid against budget, indicator attainment, the callback satisfaction of the last six months (bars drawn with
 * views, readable in elder mode), then per organization and per community. Read from the summary the function's
 * timer refreshes every 10 minutes; the time it was computed is shown. At the end, the street's big-screen link: a
 * new one (the old one stops) copied for the screen PC's browser.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { BIGSCREEN_URL } from '../../../../config';
import { dayClockText, fullDayText, shortMonthText } from '../../../../shared/calendar';
import { CONTRACT_ROUTES } from '../../lib/contractRoutes';
import { barWidth, STANDING_TEXT, yuanText, type DashboardReply } from '../../lib/contractWords';

type Dashboard = NonNullable<DashboardReply['dashboard']>;

/** The page's view of a dashboard. */
function view(d: Dashboard) {
  const group = (g: Dashboard['byOrg'][number]) => ({
    id: g.id,
    name: g.name,
    line: `${g.contracts} 份合同 · 指标达成 ${g.attainment}% · 已用 ${yuanText(g.spentFen)}`,
    width: barWidth(g.attainment / 100),
  });
  return {
    standing: (['on_track', 'at_risk', 'late', 'signing'] as const).map((k) => ({
      key: k,
      label: STANDING_TEXT[k],
      count: d.standing[k],
    })),
    contracts: `${d.contracts} 份合同`,
    spent: `已用 ${yuanText(d.spentFen)} / 预算 ${yuanText(d.budgetFen)}`,
    spentWidth: barWidth(d.budgetFen === 0 ? 0 : d.spentFen / d.budgetFen),
    released: `已拨付 ${yuanText(d.releasedFen)}`,
    releasedWidth: barWidth(d.budgetFen === 0 ? 0 : d.releasedFen / d.budgetFen),
    attainment: `${d.attainment}%`,
    attainmentWidth: barWidth(d.attainment / 100),
    satisfaction: d.satisfaction.map((m) => ({
      month: m.month,
      label: shortMonthText(m.month),
      value: m.percent === null ? '无' : `${Math.round(m.percent)}%`,
      height: m.percent === null ? 0 : Math.max(4, Math.round(m.percent)),
    })),
    byOrg: d.byOrg.map(group),
    byCommunity: d.byCommunity.map(group),
    lines: d.lines.map((l) => ({
      id: l.id,
      url: CONTRACT_ROUTES.contract(l.id),
      title: l.title,
      org: l.orgName,
      standing: l.standing,
      standingText: STANDING_TEXT[l.standing],
      attainment: `指标达成 ${l.attainment}%`,
    })),
  };
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    d: null as ReturnType<typeof view> | null,
    computed: '',
    contractsUrl: CONTRACT_ROUTES.contracts,
    screenNote: '',
    busy: false,
  },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('projects', 'dashboard', {});
      if (!reply.ok) return reply;
      const { dashboard, computedAt } = reply.data;
      return {
        ok: true,
        data: {
          d: dashboard ? view(dashboard) : null,
          computed: computedAt ? `数据更新于 ${dayClockText(computedAt)}（每 10 分钟更新）` : '',
        },
      };
    },
    async onScreenLink() {
      if (this.data.busy) return;
      const answer = await wx.showModal({
        title: '生成大屏链接',
        content: '生成新链接后，之前的大屏链接会立即停用。确定生成吗？',
        confirmText: '生成',
        cancelText: '不生成',
      });
      if (!answer.confirm) return;
      this.setData({ busy: true, screenNote: '' });
      const reply = await call('projects', 'screenToken', {});
      if (!reply.ok) {
        this.setData({ busy: false, screenNote: reply.error.message });
        return;
      }
      const { streetId, token, expiresAt } = reply.data;
      const base = BIGSCREEN_URL || 'http://127.0.0.1:8787/bigscreen/';
      await wx.setClipboardData({ data: `${base}?street=${streetId}&token=${token}` });
      this.setData({
        busy: false,
        screenNote: `大屏链接已复制，请在大屏电脑的浏览器中打开。链接${fullDayText(expiresAt)}前有效，之前的链接已停用。`,
      });
    },
  },
});
