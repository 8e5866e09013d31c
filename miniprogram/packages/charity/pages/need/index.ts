/**
 * 心愿详情与认领: one need (masked recipient, story, what is still missing, deadline), the supermarket to bring
 * it to with its hours, and the claim: how many (never more than is left), which day to bring it by (within
 * the window the function allows), then subscription consent for the three updates, then the pledge.
 * The same key is sent on every retry of one claim, so a double tap pledges once.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { type SupermarketView } from '../../lib/views';
import { askDonorConsent } from '../../lib/templates';
import { dayChoices, needCard, type DayChoice, type NeedCard } from '../../lib/words';
import { call } from '../../../../lib/api';

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
  },
});
