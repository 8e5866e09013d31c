/**
 * 心愿详情与认领: one need (masked recipient, story, what is still missing, deadline), the supermarket to bring
 * it to with its hours, and the claim: how many (never more than is left), which day to bring it by (within
 * the window the function allows), then subscription consent for the three updates, then the pledge.
 * The same key is sent on every retry of one claim, so a double tap pledges once. Below it, 爱心积分 may be given
 * to the need after a confirmation (the supermarket buys the item with them), with what it holds so far.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { type SupermarketView } from '../../lib/views';
import { askDonorConsent } from '../../lib/templates';
import { dayChoices, needCard, type DayChoice, type NeedCard } from '../../lib/words';
import { call } from '../../../../lib/api';

/** What the need holds in 爱心积分, in words ('' when nothing yet). */
function pointsText(p: { total: number; gifts: number }): string {
  return p.total > 0 ? `${p.gifts} 位志愿者已捐 ${p.total} 爱心积分` : '';
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    id: '',
    card: null as NeedCard | null,
    unit: '',
    value: '',
    max: 0,
    quantity: 1,
    supermarket: null as SupermarketView | null,
    days: [] as DayChoice[],
    day: '',
    submitting: false,
    claimError: '',
    claimKey: '',
    pointsText: '',
    pointChoices: [10, 20, 50, 100],
    points: 20,
    giving: false,
    pointsError: '',
    pointsDone: '',
    giftKey: '',
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('charity', 'need', { needId: this.data.id });
      if (!reply.ok) return reply;
      const { need, supermarket, pledgeWindow } = reply.data;
      const days = dayChoices(pledgeWindow);
      const max = Math.min(need.available, 50);
      return {
        ok: true,
        data: {
          card: needCard(need),
          pointsText: pointsText(need.points),
          unit: need.unit,
          value: need.estimatedValue > 0 ? `每${need.unit}约 ${need.estimatedValue} 元` : '',
          max,
          quantity: Math.min(Math.max(this.data.quantity, 1), Math.max(max, 1)),
          supermarket,
          days,
          day: days.some((d) => d.iso === this.data.day) ? this.data.day : (days[0]?.iso ?? ''),
        },
      };
    },
    onQuantity(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ quantity: Number(e.detail.value), claimError: '' });
    },
    onDay(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { iso: string }>) {
      this.setData({ day: e.currentTarget.dataset.iso, claimError: '' });
    },
    async onClaim() {
      if (this.data.submitting || !this.data.day) return;
      this.setData({ submitting: true, claimError: '' });
      const subscribed = await askDonorConsent();
      // One key per claim until it succeeds: a retried tap has one effect.
      const key = this.data.claimKey || newIdempotencyKey();
      this.setData({ claimKey: key });
      const reply = await call('charity', 'claim', {
        needId: this.data.id,
        quantity: this.data.quantity,
        pledgeBy: this.data.day,
        subscribed,
        idempotencyKey: key,
      });
      if (!reply.ok) {
        this.setData({ submitting: false, claimError: reply.error.message });
        if (reply.error.code === 'LIMIT_REACHED' || reply.error.code === 'CONFLICT') void this.reload();
        return;
      }
      this.setData({ submitting: false, claimKey: '' });
      wx.redirectTo({ url: `/packages/charity/pages/donation/index?id=${reply.data.id}&new=1` });
    },
    onPoints(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { points: number }>,
    ) {
      this.setData({ points: Number(e.currentTarget.dataset.points), pointsError: '', pointsDone: '' });
    },
    async onGivePoints() {
      if (this.data.giving) return;
      const { points } = this.data;
      const { confirm } = await wx.showModal({
        title: `把 ${points} 爱心积分捐给这个心愿？`,
        content: '慈善超市会用这些积分为 TA 采购，捐出后不能收回',
        confirmText: '捐出',
        cancelText: '再想想',
      });
      if (!confirm || this.data.giving) return;
      // One key per gift until it succeeds: a retried tap gives once.
      const key = this.data.giftKey || newIdempotencyKey();
      this.setData({ giving: true, giftKey: key, pointsError: '', pointsDone: '' });
      const reply = await call('charity', 'givePointsToNeed', {
        needId: this.data.id,
        points,
        idempotencyKey: key,
      });
      if (!reply.ok) {
        this.setData({ giving: false, giftKey: '', pointsError: reply.error.message });
        return;
      }
      this.setData({
        giving: false,
        giftKey: '',
        pointsDone: `谢谢！已捐出 ${reply.data.points} 分，您还有 ${reply.data.balance} 分。`,
      });
      // Quietly: the need's total with this gift in it.
      void this.reload();
    },
  },
});
