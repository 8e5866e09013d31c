/**
 * 慈善超市工作台, for the supermarket's staff (and admins of its street): the supermarket they run, its work in
 * four lists — pledges expected, general stock to allocate, items to send out, items on their way — and one big
 * button to scan a donor's code at the counter. 20 at a time; tap an item for its page and next steps.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { SupermarketView } from '../../lib/views';
import { dateText, donationCard, type DonationCard } from '../../lib/words';
import { call } from '../../../../lib/api';

type Stage = 'expected' | 'toAllocate' | 'toDispatch' | 'inDelivery';

/** A work item: the card plus what the staff need at a glance. */
type WorkCard = DonationCard & { note: string };

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error' | 'none',
    errorMessage: '',
    supermarkets: [] as SupermarketView[],
    supermarketId: '',
    stage: 'expected' as Stage,
    cards: [] as WorkCard[],
    next: null as number | null,
    loadingMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const stage = (['expected', 'toAllocate', 'toDispatch', 'inDelivery'] as Stage[]).find(
        (s) => s === query.stage,
      );
      if (stage) this.setData({ stage });
      void this.load();
    },
    onShow() {
      if (this.data.status === 'ready') void this.fetch(0);
    },
    async onPullDownRefresh() {
      await this.fetch(0);
      wx.stopPullDownRefresh?.();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      void this.load();
    },
    async load() {
      const reply = await call('charity', 'supermarkets', { mine: true });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      if (reply.data.length === 0) {
        this.setData({ status: 'none' });
        return;
      }
      const keep = reply.data.some((s) => s.id === this.data.supermarketId);
      this.setData({
        supermarkets: reply.data,
        supermarketId: keep ? this.data.supermarketId : reply.data[0]!.id,
      });
      await this.fetch(0);
    },
    onSupermarket(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      this.setData({ supermarketId: e.currentTarget.dataset.id, status: 'loading' });
      void this.fetch(0);
    },
    onStage(e: WechatMiniprogram.CustomEvent<{ value: Stage }>) {
      this.setData({ stage: e.detail.value, status: 'loading', cards: [] });
      void this.fetch(0);
    },
    async fetch(offset: number) {
      if (!this.data.supermarketId) return;
      const reply = await call('charity', 'staffQueue', {
        supermarketId: this.data.supermarketId,
        stage: this.data.stage,
        offset,
      });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const cards = reply.data.items.map((d) => ({
        ...donationCard(d),
        note:
          d.status === 'pledged'
            ? `约定 ${dateText(d.pledgeBy)} 前送到 · 捐赠人 ${d.donor}`
            : d.contact
              ? `由您配送：${d.contact.name}，${d.contact.address}`
              : '',
      }));
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
    onScan() {
      wx.navigateTo({ url: `/packages/charity/pages/receive/index?scan=1` });
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
