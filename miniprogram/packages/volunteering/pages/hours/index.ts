/**
 * 我的服务时长: verified and not-yet-verified hours, the badge held and how far the next one is, the record
 * (late cancellations, no-shows), and one line per activity, 20 at a time; from here the certificate.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { MyHoursView } from '../../lib/views';
import { hoursWords } from '../../lib/words';
import { call } from '../../../../lib/api';

/** One activity's hours as a line. */
interface Line {
  id: string;
  title: string;
  description: string;
  note: string;
}

function lineOf(l: MyHoursView['items'][number]): Line {
  const notes = [...(l.autoClosed ? ['忘记签退，系统自动签退'] : []), ...l.notes];
  return {
    id: l.signupId,
    title: l.activityTitle,
    description: [l.date, l.organizerName, ...notes].join(' · '),
    note: l.verified ? `${hoursWords(l.verifiedMinutes)} 已确认` : `${hoursWords(l.pendingMinutes)} 待确认`,
  };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    verified: '',
    pending: '',
    hasVerified: false,
    badge: '',
    nextBadge: '',
    progress: 0,
    record: '',
    lines: [] as Line[],
    next: null as number | null,
    loadingMore: false,
  },
  methods: {
    onLoad() {
      this.fetch(0);
    },
    async onPullDownRefresh() {
      await this.fetch(0);
      wx.stopPullDownRefresh?.();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.fetch(0);
    },
    async fetch(offset: number) {
      const reply = await call('volunteering', 'myHours', { offset });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const h = reply.data;
      const lines = h.items.map(lineOf);
      const nextAt = h.nextBadge ? h.nextBadge.minHours * 60 : 0;
      const record = [
        h.lateCancels ? `迟取消 ${h.lateCancels} 次` : '',
        h.noShows ? `报名未到 ${h.noShows} 次` : '',
      ]
        .filter(Boolean)
        .join('，');
      this.setData({
        status: 'ready',
        loadingMore: false,
        verified: hoursWords(h.verifiedMinutes),
        pending: h.pendingMinutes > 0 ? hoursWords(h.pendingMinutes) : '',
        hasVerified: h.verifiedMinutes > 0,
        badge: h.badge?.name ?? '',
        nextBadge: h.nextBadge ? `再服务 ${hoursWords(h.nextBadge.minutesToGo)} 成为${h.nextBadge.name}` : '',
        progress: nextAt ? Math.min(100, Math.round((h.verifiedMinutes / nextAt) * 100)) : 100,
        record,
        lines: offset === 0 ? lines : [...this.data.lines, ...lines],
        next: h.next,
      });
    },
    async onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(this.data.next);
    },
    onCertificate() {
      wx.navigateTo({ url: '/packages/volunteering/pages/certificate/index' });
    },
  },
});
