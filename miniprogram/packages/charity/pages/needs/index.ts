/**
 * 慈善超市 · 微心愿: the open needs of people the charity supermarkets serve, most urgent first, by who they are
 * (80岁以上老人, 残疾人, 困境儿童, 低收入家庭) and by street; recipients appear masked (张*, 80岁, 秣陵街道).
 * 20 at a time. From here: give to general stock, my donations, things coming to me, the public ledger.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { RecipientCategory } from '../../lib/views';
import { needCard, type NeedCard } from '../../lib/words';
import { call } from '../../../../lib/api';

const CATEGORIES: { value: RecipientCategory | ''; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'elder80', label: '高龄老人' },
  { value: 'disabled', label: '残疾人' },
  { value: 'child', label: '困境儿童' },
  { value: 'lowIncome', label: '低收入家庭' },
];

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    categories: CATEGORIES,
    category: '' as RecipientCategory | '',
    streets: [] as { id: string; label: string }[],
    street: '',
    cards: [] as NeedCard[],
    next: null as number | null,
    loadingMore: false,
  },
  methods: {
    onLoad() {
      void this.loadStreets();
      void this.fetch(0);
    },
    async onPullDownRefresh() {
      await this.fetch(0);
      wx.stopPullDownRefresh?.();
    },
    async loadStreets() {
      const reply = await call('charity', 'supermarkets');
      if (!reply.ok) return;
      this.setData({
        streets: [
          { id: '', label: '全部街道' },
          ...reply.data.map((s) => ({ id: s.id, label: s.streetName })),
        ],
      });
    },
    onCategory(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { value: RecipientCategory | '' }
      >,
    ) {
      this.setData({ category: e.currentTarget.dataset.value, status: 'loading' });
      void this.fetch(0);
    },
    onStreet(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>,
    ) {
      this.setData({ street: e.currentTarget.dataset.value, status: 'loading' });
      void this.fetch(0);
    },
    onRetry() {
      this.setData({ status: 'loading' });
      void this.fetch(0);
    },
    async fetch(offset: number) {
      const { category, street } = this.data;
      const reply = await call('charity', 'needs', {
        offset,
        ...(category ? { category } : {}),
        ...(street ? { streetId: street } : {}),
      });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const cards = reply.data.items.map(needCard);
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
