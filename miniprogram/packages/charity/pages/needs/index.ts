/**
 * 慈善超市 · 微心愿: the open needs of people the charity supermarkets serve, most urgent first, by who they are
 * (80岁以上老人, 残疾人, 困境儿童, 低收入家庭) and by street; recipients appear masked (张*, 80岁, 秣陵街道).
 * 20 at a time. From here: give to general stock, my donations, things coming to me, the public ledger.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import type { PageQuery } from '../../../../behaviors/remote-page';
import { type RecipientCategory } from '../../lib/views';
import { needCard, type NeedCard } from '../../lib/words';
import { choicesOf, RECIPIENT_CATEGORIES, RECIPIENT_CATEGORY_LABELS } from '../../../../shared/choices';
import { call } from '../../../../lib/api';

/** The filter chips: everyone, then each group (a short name for 80岁以上老人 fits a chip). */
const CATEGORIES: { value: RecipientCategory | ''; label: string }[] = [
  { value: '', label: '全部' },
  ...choicesOf(RECIPIENT_CATEGORIES, { ...RECIPIENT_CATEGORY_LABELS, elder80: '高龄老人' }),
];

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    categories: CATEGORIES,
    category: '' as RecipientCategory | '',
    streets: [] as { id: string; label: string }[],
    street: '',
    items: [] as NeedCard[],
  },
  methods: {
    onLoad(query: PageQuery) {
      void this.loadStreets();
      void this.reload(query);
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
      this.setData({ category: e.currentTarget.dataset.value });
      void this.restart();
    },
    onStreet(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>,
    ) {
      this.setData({ street: e.currentTarget.dataset.value });
      void this.restart();
    },
    async loadPage(offset: number) {
      const { category, street } = this.data;
      return pageOf(
        await call('charity', 'needs', {
          offset,
          ...(category ? { category } : {}),
          ...(street ? { streetId: street } : {}),
        }),
        needCard,
      );
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
