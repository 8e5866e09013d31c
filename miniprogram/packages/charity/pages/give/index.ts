/**
 * 捐给超市: give an item to a charity supermarket's general stock (staff later give it to someone who needs it):
 * which supermarket, what (name, kind, unit, how many), which day to bring it by; subscription consent, then the
 * pledge, which gives the code to show at the counter. One key per pledge until it succeeds.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { type ItemCategory, type SupermarketView } from '../../lib/views';
import { askDonorConsent } from '../../lib/templates';
import { dayChoices, type DayChoice } from '../../lib/words';
import { CHARITY_LIMITS } from '../../../../shared/limits';
import { choicesOf, ITEM_CATEGORIES, ITEM_CATEGORY_LABELS } from '../../../../shared/choices';
import { call } from '../../../../lib/api';

const KINDS = choicesOf(ITEM_CATEGORIES, ITEM_CATEGORY_LABELS);

const HINTS: Record<string, string> = {
  item: `请写物品名称（${CHARITY_LIMITS.itemMax} 字以内）`,
  unit: '请写单位，如 袋、件、箱',
  quantity: `数量在 1 到 ${CHARITY_LIMITS.claimMax} 之间`,
  pledgeBy: '请选一个送到的日子',
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    supermarkets: [] as SupermarketView[],
    supermarketId: '',
    kinds: KINDS,
    kind: 'food' as ItemCategory,
    item: '',
    unit: '件',
    quantity: 1,
    days: [] as DayChoice[],
    day: '',
    errors: {} as Record<string, string>,
    submitError: '',
    submitting: false,
    giveKey: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { item: CHARITY_LIMITS.itemMax, unit: CHARITY_LIMITS.unitMax },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('charity', 'supermarkets');
      if (!reply.ok) return reply;
      const now = Date.now();
      // Stock pledges: from an hour from now to 14 days (the function checks the same window).
      const days = dayChoices({
        earliest: new Date(now + 3_600_000).toISOString(),
        latest: new Date(now + 14 * 86_400_000).toISOString(),
      });
      return {
        ok: true,
        data: {
          supermarkets: reply.data,
          supermarketId: this.data.supermarketId || (reply.data[0]?.id ?? ''),
          days,
          day: days[0]?.iso ?? '',
        },
      };
    },
    onSupermarket(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      this.setData({ supermarketId: e.currentTarget.dataset.id });
    },
    onKind(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: ItemCategory }>,
    ) {
      this.setData({ kind: e.currentTarget.dataset.value });
    },
    onItem(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ item: e.detail.value, 'errors.item': '' });
    },
    onUnit(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ unit: e.detail.value, 'errors.unit': '' });
    },
    onQuantity(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ quantity: Number(e.detail.value) });
    },
    onDay(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { iso: string }>) {
      this.setData({ day: e.currentTarget.dataset.iso });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      if (!this.data.item.trim()) {
        this.setData({ 'errors.item': HINTS.item });
        return;
      }
      this.setData({ submitting: true, submitError: '', errors: {} });
      const subscribed = await askDonorConsent();
      const key = this.data.giveKey || newIdempotencyKey();
      this.setData({ giveKey: key });
      const reply = await call('charity', 'pledgeToStock', {
        supermarketId: this.data.supermarketId,
        item: this.data.item,
        itemCategory: this.data.kind,
        unit: this.data.unit,
        quantity: this.data.quantity,
        pledgeBy: this.data.day,
        subscribed,
        idempotencyKey: key,
      });
      if (!reply.ok) {
        this.setData({
          submitting: false,
          errors: plainFieldErrors(reply, HINTS),
          submitError: reply.error.code === 'INVALID_INPUT' ? '' : reply.error.message,
        });
        return;
      }
      this.setData({ submitting: false, giveKey: '' });
      wx.redirectTo({ url: `/packages/charity/pages/donation/index?id=${reply.data.id}&new=1` });
    },
  },
});
