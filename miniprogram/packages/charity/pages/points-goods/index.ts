/**
 * 积分兑换物品, for the supermarket's staff (or a partner merchant's, with `merchantId`): put goods on the points shelf (name, points price, how many), restock
 * or take units off, and take goods off the shop or back on. Stock changes are deltas, so reservations made
 * meanwhile are never overwritten.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { refusal } from '../../../../lib/page-state';
import { POINTS_LIMITS } from '../../../../shared/limits';
import type { PointGoodsView } from '../../lib/views';

const HINTS: Record<string, string> = {
  name: '请写物品名称',
  pointsPrice: `请写兑换所需积分（1 到 ${POINTS_LIMITS.priceMax}）`,
  stock: `请写件数（0 到 ${POINTS_LIMITS.stockMax}）`,
};

/** Goods as a line. */
interface Line {
  id: string;
  name: string;
  detail: string;
  active: boolean;
}

const lineOf = (g: PointGoodsView): Line => ({
  id: g.id,
  name: g.name,
  detail: `${g.pointsPrice} 分 · 库存 ${g.stock} 件${g.active ? '' : ' · 已下架'}`,
  active: g.active,
});

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    supermarketId: '',
    /** A partner merchant's shelf (its staff), else the supermarket's. */
    merchantId: '',
    supermarket: '',
    goods: [] as Line[],
    name: '',
    note: '',
    pointsPrice: '',
    stock: '',
    errors: {} as Record<string, string>,
    saveError: '',
    saving: false,
    addKey: '',
    max: { name: POINTS_LIMITS.goodsNameMax, note: POINTS_LIMITS.goodsNoteMax },
  },
  methods: {
    async load(query: Record<string, string | undefined>): Promise<LoadResult> {
      const reply = await call('charity', 'pointShop', {
        ...(query.supermarketId ? { supermarketId: query.supermarketId } : {}),
        ...(query.merchantId ? { merchantId: query.merchantId } : {}),
      });
      if (!reply.ok) return reply;
      const s = reply.data;
      if (!s.supermarket || !s.staff)
        return refusal(
          query.merchantId
            ? '只有这家商户的工作人员可以管理兑换物品。'
            : '只有慈善超市的工作人员可以管理兑换物品。',
        );
      return {
        ok: true,
        data: {
          supermarketId: s.supermarket.id,
          merchantId: s.merchant?.id ?? '',
          supermarket: s.merchant?.name ?? s.supermarket.name,
          goods: s.goods.map(lineOf),
        },
      };
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = (e.currentTarget as unknown as { dataset: { field: string } }).dataset.field;
      this.setData({ [field]: e.detail.value, [`errors.${field}`]: '' });
    },
    async onAdd() {
      if (this.data.saving) return;
      const d = this.data;
      const key = d.addKey || newIdempotencyKey();
      this.setData({ saving: true, saveError: '', errors: {}, addKey: key });
      const reply = await call('charity', 'addPointGoods', {
        supermarketId: d.supermarketId,
        ...(d.merchantId ? { merchantId: d.merchantId } : {}),
        name: d.name,
        note: d.note,
        pointsPrice: Number(d.pointsPrice),
        stock: Number(d.stock),
        idempotencyKey: key,
      });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, HINTS);
        this.setData({
          saving: false,
          errors,
          saveError: Object.keys(errors).length ? '' : reply.error.message,
        });
        return;
      }
      this.setData({ saving: false, addKey: '', name: '', note: '', pointsPrice: '', stock: '' });
      wx.showToast({ title: '已上架', icon: 'success' });
      await this.reload();
    },
    async change(goodsId: string, change: { stockDelta?: number; active?: boolean }) {
      const reply = await call('charity', 'updatePointGoods', { goodsId, ...change });
      if (!reply.ok) wx.showModal({ title: '没有改成', content: reply.error.message, showCancel: false });
      await this.reload();
    },
    onRestock(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { id: string; n: number }
      >,
    ) {
      void this.change(e.currentTarget.dataset.id, { stockDelta: Number(e.currentTarget.dataset.n) });
    },
    onToggle(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const g = this.data.goods.find((x) => x.id === e.currentTarget.dataset.id);
      if (g) void this.change(g.id, { active: !g.active });
    },
  },
});
