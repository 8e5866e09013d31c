/**
 * 组织志愿活动: the activities the caller organizes (their organization's, or all in their scope for admins),
 * coming and past, 20 at a time; publishing a new one; and the service record of a period as a CSV file (names
 * in full for admins of the scope, masked for organization staff), sent to a chat to open on a computer.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { ensureSession } from '../../../../lib/session';
import { activityCard, beijingMidnight, beijingYearMonth, type ActivityCard } from '../../lib/words';
import { call } from '../../../../lib/api';

type Filter = 'upcoming' | 'past';
type Period = 'thisMonth' | 'lastMonth' | 'thisYear';

/** The period's [from, to) on the Beijing calendar. */
function periodOf(p: Period, now = new Date()): { from: Date; to: Date; label: string } {
  const { year: y, month: m } = beijingYearMonth(now);
  const at = beijingMidnight;
  if (p === 'thisMonth') return { from: at(y, m, 1), to: at(y, m + 1, 1), label: '本月' };
  if (p === 'lastMonth') return { from: at(y, m - 1, 1), to: at(y, m, 1), label: '上月' };
  return { from: at(y, 0, 1), to: at(y + 1, 0, 1), label: '今年' };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error' | 'forbidden',
    errorMessage: '',
    filter: 'upcoming' as Filter,
    cards: [] as ActivityCard[],
    next: null as number | null,
    loadingMore: false,
    periods: [
      { value: 'thisMonth', label: '本月' },
      { value: 'lastMonth', label: '上月' },
      { value: 'thisYear', label: '今年' },
    ],
    period: 'lastMonth' as Period,
    exporting: false,
    exportLine: '',
    exportUrl: '',
    exportName: '',
  },
  pageLifetimes: {
    show() {
      if (this.data.status === 'ready') this.fetch(0);
    },
  },
  methods: {
    async onLoad() {
      const session = await ensureSession();
      if (!session.ok) {
        this.setData({ status: 'error', errorMessage: session.error.message });
        return;
      }
      if (!session.me.isAdmin && !session.me.isProvider) {
        this.setData({ status: 'forbidden' });
        return;
      }
      await this.fetch(0);
    },
    async onPullDownRefresh() {
      await this.fetch(0);
      wx.stopPullDownRefresh?.();
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Filter }>) {
      this.setData({ filter: e.detail.value, status: 'loading', cards: [] });
      this.fetch(0);
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.fetch(0);
    },
    async fetch(offset: number) {
      const reply = await call('volunteering', 'organizerActivities', { filter: this.data.filter, offset });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const cards = reply.data.items.map(activityCard);
      this.setData({
        status: 'ready',
        loadingMore: false,
        cards: offset === 0 ? cards : [...this.data.cards, ...cards],
        next: reply.data.next,
      });
    },
    async onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(this.data.next);
    },
    onCreate() {
      wx.navigateTo({ url: '/packages/volunteering/pages/edit/index' });
    },
    onPeriod(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: Period }>,
    ) {
      this.setData({ period: e.currentTarget.dataset.value, exportLine: '', exportUrl: '' });
    },
    async onExport() {
      if (this.data.exporting) return;
      const p = periodOf(this.data.period);
      this.setData({ exporting: true, exportLine: '' });
      const reply = await call('volunteering', 'exportRecords', {
        from: p.from.toISOString(),
        to: p.to.toISOString(),
      });
      this.setData({ exporting: false });
      if (!reply.ok) {
        this.setData({ exportLine: reply.error.message, exportUrl: '' });
        return;
      }
      const r = reply.data;
      this.setData({
        exportLine:
          r.rows === 0
            ? `${p.label}没有服务记录`
            : `${p.label}共 ${r.rows} 条记录${r.namesMasked ? '（姓名已隐去）' : ''}`,
        exportUrl: r.rows > 0 ? r.url : '',
        exportName: r.fileName,
      });
    },
    async onSend() {
      // CSV cannot be previewed in WeChat: send it to a chat (e.g. 文件传输助手) and open it on a computer.
      try {
        const filePath = await new Promise<string>((resolve, reject) => {
          wx.downloadFile({
            url: this.data.exportUrl,
            success: (r) =>
              r.statusCode === 200 ? resolve(r.tempFilePath) : reject(new Error(`${r.statusCode}`)),
            fail: reject,
          });
        });
        await wx.shareFileMessage({ filePath, fileName: this.data.exportName });
      } catch {
        await wx.setClipboardData({ data: this.data.exportUrl });
        wx.showToast({ title: '已复制下载链接', icon: 'none' });
      }
    },
  },
});
