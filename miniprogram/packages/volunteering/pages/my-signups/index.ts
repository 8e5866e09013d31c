/**
 * 我的报名: activities the volunteer holds a seat for (soonest first, with a check-in button when it is time),
 * those they wait for (with their place in line), and past ones (attended, auto-closed, missed). 20 at a time.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { MySignUpItem } from '../../lib/views';
import { activityCard, clock, type ActivityCard } from '../../lib/words';
import { call } from '../../../../lib/api';

type Filter = 'upcoming' | 'waiting' | 'past';

const HOUR = 3_600_000;

/** A sign-up as a card. */
type Line = ActivityCard & { status: string; canScan: boolean; scanLabel: string; scanUrl: string };

function lineOf(s: MySignUpItem, now: number): Line {
  const a = s.activity;
  const start = Date.parse(a.startAt);
  const end = Date.parse(a.endAt);
  let status = '';
  if (a.phase === 'cancelled') status = '活动已取消';
  else if (s.standing === 'waiting') status = `候补第 ${s.position} 位`;
  else if (s.noShow) status = '未到场';
  else if (s.checkOutAt) status = `已签退 ${clock(s.checkOutAt)}${s.autoClosed ? '（系统自动签退）' : ''}`;
  else if (s.checkInAt) status = `已签到 ${clock(s.checkInAt)}`;
  else if (s.standing === 'admitted') status = '已报名';
  const canScan =
    s.standing === 'admitted' &&
    a.phase !== 'cancelled' &&
    !s.checkOutAt &&
    now >= start - HOUR &&
    now <= end + 2 * HOUR;
  const mode = s.checkInAt ? 'out' : 'in';
  return {
    ...activityCard(a),
    status,
    canScan,
    scanLabel: s.checkInAt ? '扫码签退' : '扫码签到',
    scanUrl: `/packages/volunteering/pages/scan/index?id=${encodeURIComponent(a.id)}&mode=${mode}`,
  };
}

const EMPTY: Record<Filter, string> = {
  upcoming: '还没有报名的活动',
  waiting: '没有在候补的活动',
  past: '还没有参加过的活动',
};

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    filter: 'upcoming' as Filter,
    lines: [] as Line[],
    next: null as number | null,
    loadingMore: false,
    emptyText: EMPTY.upcoming,
  },
  pageLifetimes: {
    show() {
      if (this.data.status === 'ready') this.fetch(0);
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const filter =
        (['upcoming', 'waiting', 'past'] as Filter[]).find((f) => f === query.filter) ?? 'upcoming';
      this.setData({ filter, emptyText: EMPTY[filter] });
      this.fetch(0);
    },
    async onPullDownRefresh() {
      await this.fetch(0);
      wx.stopPullDownRefresh?.();
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Filter }>) {
      const filter = e.detail.value;
      this.setData({ filter, status: 'loading', lines: [], emptyText: EMPTY[filter] });
      this.fetch(0);
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.fetch(0);
    },
    async fetch(offset: number) {
      const reply = await call('volunteering', 'mySignUps', { filter: this.data.filter, offset });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const now = Date.now();
      const lines = reply.data.items.map((s) => lineOf(s, now));
      this.setData({
        status: 'ready',
        loadingMore: false,
        lines: offset === 0 ? lines : [...this.data.lines, ...lines],
        next: reply.data.next,
      });
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
    async onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(this.data.next);
    },
  },
});
