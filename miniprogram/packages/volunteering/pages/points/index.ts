/**
 * 我的爱心积分: the balance, what an hour of verified service earns here, and every line of the ledger with its
 * cause (the activity, the goods, an adjustment's reason), 20 at a time; from here the points shop and giving
 * points to family.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { call } from '../../../../lib/api';
import { askPointsReminderConsent } from '../../lib/templates';
import type { MyPointsView } from '../../lib/views';

/** Storage key: the expiry reminder's consent was asked. */
const REMINDER_ASKED = 'points-reminder-asked';

/** One ledger entry as a line. */
interface Line {
  id: string;
  title: string;
  description: string;
  note: string;
}

function lineOf(e: MyPointsView['entries']['items'][number]): Line {
  const notes = [
    e.whenText,
    ...(e.reason ? [`原因：${e.reason}`] : []),
    ...(e.shortfall ? [`其中 ${e.shortfall} 分已用掉，未能扣回`] : []),
  ];
  return {
    id: e.id,
    title: `${e.kindText} · ${e.title}`,
    description: notes.join(' · '),
    note: e.delta > 0 ? `+${e.delta}` : String(e.delta),
  };
}

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    balance: 0,
    earned: 0,
    rate: '',
    expiring: '',
    /** Earned points and not yet asked about the expiry reminder. */
    askReminder: false,
    items: [] as Line[],
  },
  methods: {
    async loadPage(offset: number) {
      const reply = await call('volunteering', 'myPoints', { offset });
      if (!reply.ok) return reply;
      const p = reply.data;
      return pageOf({ ok: true, data: p.entries }, lineOf, {
        balance: p.balance,
        earned: p.earned,
        rate: `志愿服务经组织者确认后，每小时得 ${p.pointsPerHour} 分`,
        expiring: p.expiring ? `${p.expiring.dateText}后将有 ${p.expiring.points} 分过期，请及早兑换` : '',
        askReminder: p.earned > 0 && !wx.getStorageSync(REMINDER_ASKED),
      });
    },
    onShop() {
      wx.navigateTo({ url: '/packages/charity/pages/points-shop/index' });
    },
    /** Consent for the reminder a month before points expire (asked once, on a tap as WeChat requires). */
    async onReminder() {
      const accepted = await askPointsReminderConsent();
      wx.setStorageSync(REMINDER_ASKED, true);
      this.setData({ askReminder: false });
      wx.showToast({ title: accepted ? '积分到期前一个月会提醒您' : '不提醒了', icon: 'none' });
    },
    onGive() {
      wx.navigateTo({ url: '/packages/charity/pages/points-give/index' });
    },
  },
});
