/**
 * 我的报名: activities the volunteer holds a seat for (soonest first, with a check-in button when it is time),
 * those they wait for (with their place in line), and past ones (attended, auto-closed, missed). 20 at a time.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { type MySignUpItem } from '../../lib/views';
import { activityCard, type ActivityCard } from '../../lib/words';
import { clockText } from '../../../../shared/calendar';
import { call } from '../../../../lib/api';

type Filter = 'upcoming' | 'waiting' | 'past';

const HOUR = 3_600_000;

/** A sign-up as a card. */
type Line = ActivityCard & {
  status: string;
  /** What happens next, for a sign-up with nothing to tap (no state is a dead end). */
  hint: string;
  canScan: boolean;
  scanLabel: string;
  scanUrl: string;
};

function lineOf(s: MySignUpItem, now: number): Line {
  const a = s.activity;
  const start = Date.parse(a.startAt);
  const end = Date.parse(a.endAt);
  let status = '';
  let hint = '';
  if (a.phase === 'cancelled') {
    status = '活动已取消';
    hint = '组织者取消了这次活动，您的报名随之取消，不用到场。';
  } else if (s.standing === 'waiting') {
    status = `候补第 ${s.position} 位`;
    hint = '有人退出时按顺序递补，递补上了会通知您；没递补上也不用做什么。';
  } else if (s.noShow) {
    status = '未到场';
    hint = '没有您的签到记录，这次不计服务时长。如果您其实到了，请联系活动组织者补记。';
  } else if (s.checkOutAt)
    status = `已签退 ${clockText(s.checkOutAt)}${s.autoClosed ? '（系统自动签退）' : ''}`;
  else if (s.checkInAt) status = `已签到 ${clockText(s.checkInAt)}`;
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
    hint: canScan ? '' : hint,
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
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    filter: 'upcoming' as Filter,
    items: [] as Line[],
    emptyText: EMPTY.upcoming,
  },
  methods: {
    onLoad(query: PageQuery) {
      const filter =
        (['upcoming', 'waiting', 'past'] as Filter[]).find((f) => f === query.filter) ?? 'upcoming';
      this.setData({ filter, emptyText: EMPTY[filter] });
      void this.reload(query);
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Filter }>) {
      const filter = e.detail.value;
      this.setData({ filter, items: [], emptyText: EMPTY[filter] });
      void this.restart();
    },
    async loadPage(offset: number) {
      const reply = await call('volunteering', 'mySignUps', { filter: this.data.filter, offset });
      const now = Date.now();
      return pageOf(reply, (s) => lineOf(s, now));
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
