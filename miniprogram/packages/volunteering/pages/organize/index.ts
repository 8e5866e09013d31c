/**
 * 组织志愿活动: the activities the caller organizes (their organization's, or all in their scope for admins),
 * coming and past, 20 at a time; publishing a new one; and the service record of a period as a CSV file (names
 * in full for admins of the scope, masked for organization staff), sent to a chat to open on a computer.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { refusal } from '../../../../lib/page-state';
import { ensureSession } from '../../../../lib/session';
import { activityCard, type ActivityCard } from '../../lib/words';
import { addMonths, monthKey, startOfMonth } from '../../../../shared/calendar';
import { call } from '../../../../lib/api';

type Filter = 'upcoming' | 'past';
type Period = 'thisMonth' | 'lastMonth' | 'thisYear';

/** The period's [from, to) on the Beijing calendar. */
function periodOf(p: Period, now = Date.now()): { from: Date; to: Date; label: string } {
  const month = monthKey(now);
  const at = (n: number) => startOfMonth(addMonths(month, n));
  if (p === 'thisMonth') return { from: at(0), to: at(1), label: '本月' };
  if (p === 'lastMonth') return { from: at(-1), to: at(0), label: '上月' };
  const january = `${month.slice(0, 4)}-01`;
  return { from: startOfMonth(january), to: startOfMonth(addMonths(january, 12)), label: '今年' };
}

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    filter: 'upcoming' as Filter,
    items: [] as ActivityCard[],
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
  methods: {
    /** Only organizers (provider staff, admins) organize; then the first page of their activities. */
    async load(query: PageQuery): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      if (!session.me.isAdmin && !session.me.isProvider) {
        return refusal('只有服务机构的工作人员和社区管理员可以组织志愿活动');
      }
      const first = await this.loadPage(0, query);
      return first.ok ? { ok: true, data: { ...first.data, loadingMore: false } } : first;
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Filter }>) {
      this.setData({ filter: e.detail.value, items: [] });
      void this.restart();
    },
    async loadPage(offset: number, _query: PageQuery) {
      return pageOf(
        await call('volunteering', 'organizerActivities', { filter: this.data.filter, offset }),
        activityCard,
      );
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
