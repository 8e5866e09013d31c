/**
 * 发布微心愿, for admins of the recipient's place: what (item, kind, unit, how many), an estimated value per unit,
 * a short story — public, so it must not name the person, their phone or address (the function refuses, and
 * checks the content) — and how long it stays open. One key per need until it succeeds.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { type ItemCategory } from '../../lib/views';
import { CHARITY_LIMITS } from '../../../../shared/limits';
import { choicesOf, ITEM_CATEGORIES, ITEM_CATEGORY_LABELS } from '../../../../shared/choices';
import { call } from '../../../../lib/api';

const KINDS = choicesOf(ITEM_CATEGORIES, ITEM_CATEGORY_LABELS);

const SPANS = [
  { days: 14, label: '两周' },
  { days: 30, label: '一个月' },
  { days: 60, label: '两个月' },
];

const HINTS: Record<string, string> = {
  item: `请写物品名称（${CHARITY_LIMITS.itemMax} 字以内）`,
  unit: '请写单位，如 袋、件',
  estimatedValue: '请写每件大约多少元',
  story: `请写几句话说明需要（5 到 ${CHARITY_LIMITS.storyMax} 字），不要写姓名、电话和住址`,
  deadline: '请选择截止时间',
};

Component({
  behaviors: [elderModeBehavior],
  data: {
    recipientId: '',
    kinds: KINDS,
    kind: 'food' as ItemCategory,
    spans: SPANS,
    span: 30,
    item: '',
    unit: '件',
    quantity: 1,
    value: '',
    story: '',
    errors: {} as Record<string, string>,
    submitError: '',
    submitting: false,
    formKey: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      item: CHARITY_LIMITS.itemMax,
      unit: CHARITY_LIMITS.unitMax,
      value: String(CHARITY_LIMITS.unitValueMax).length,
      story: CHARITY_LIMITS.storyMax,
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ recipientId: query.recipientId ?? '' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = (e.currentTarget as unknown as { dataset: { field: string } }).dataset.field;
      this.setData({ [field]: e.detail.value, [`errors.${field}`]: '' });
    },
    onQuantity(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ quantity: Number(e.detail.value) });
    },
    onKind(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: ItemCategory }>,
    ) {
      this.setData({ kind: e.currentTarget.dataset.value });
    },
    onSpan(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { days: number }>) {
      this.setData({ span: Number(e.currentTarget.dataset.days) });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const d = this.data;
      const errors: Record<string, string> = {};
      if (!d.item.trim()) errors.item = HINTS.item;
      if (d.story.trim().length < 5) errors.story = HINTS.story;
      if (Object.keys(errors).length > 0) {
        this.setData({ errors });
        return;
      }
      this.setData({ submitting: true, submitError: '', errors: {} });
      const key = d.formKey || newIdempotencyKey();
      this.setData({ formKey: key });
      const reply = await call('charity', 'postNeed', {
        recipientId: d.recipientId,
        item: d.item,
        itemCategory: d.kind,
        unit: d.unit,
        quantity: d.quantity,
        estimatedValue: Number(d.value || 0),
        story: d.story,
        deadline: new Date(Date.now() + d.span * 86_400_000).toISOString(),
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
      this.setData({ submitting: false, formKey: '' });
      await wx.showToast({ title: '心愿已发布', icon: 'success' });
      wx.navigateBack();
    },
  },
});
