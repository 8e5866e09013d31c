/**
 * 我收到的爱心: for a recipient who uses the mini program, the donations coming to them, newest first; tap one
 * to confirm receipt (or see the code to tell the staff) and to thank the donor. 20 at a time.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { donationCard, type DonationCard } from '../../lib/words';
import { call } from '../../../../lib/api';

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    cards: [] as DonationCard[],
    next: null as number | null,
    loadingMore: false,
  },
  methods: {
    onLoad() {
      void this.fetch(0);
    },
    onShow() {
      // Coming back from a donation (cancelled, say): show it as it is now.
      if (this.data.status === 'ready') void this.fetch(0);
    },
    async onPullDownRefresh() {
      await this.fetch(0);
      wx.stopPullDownRefresh?.();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      void this.fetch(0);
    },
    async fetch(offset: number) {
      const reply = await call('charity', 'myReceipts', { offset });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const cards = reply.data.items.map((d) => donationCard(d, true));
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
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
