/**
 * 积分兑换: the street's charity supermarket's goods for 爱心积分, with the balance and which of them can be had
 * now; reserving one (after a confirmation) and the reservations waiting to be picked up, each with the QR code
 * staff scan at the counter, and a way to give one up. Staff of the supermarket also find the hand-over and the
 * goods management here.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import type { PointGoodsView, RedemptionView } from '../../lib/views';

/** Goods as a card. */
interface GoodsCard {
  id: string;
  name: string;
  note: string;
  price: string;
  left: string;
  affordable: boolean;
  /** Why it cannot be had now. */
  why: string;
  /** A partner merchant's offer: where to have it. */
  place: string;
}

function goodsCard(g: PointGoodsView, balance: number): GoodsCard {
  const why = !g.active
    ? '已下架'
    : g.stock < 1
      ? '已兑完'
      : balance < g.pointsPrice
        ? `还差 ${g.pointsPrice - balance} 分`
        : '';
  return {
    id: g.id,
    name: g.name,
    note: g.note,
    price: `${g.pointsPrice} 分`,
    left: `还剩 ${g.stock} 件`,
    affordable: g.affordable,
    why,
    place: g.merchant ? `在${g.merchant.name}兑换` : '',
  };
}

/** A reservation as a line. */
interface Reservation {
  code: string;
  title: string;
  detail: string;
  waiting: boolean;
}

function reservation(r: RedemptionView): Reservation {
  return {
    code: r.code,
    title: r.goodsName,
    detail: `${r.pointsPrice} 分 · ${r.stateText} · ${r.whenText}`,
    waiting: r.state === 'reserved',
  };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    supermarketId: '',
    supermarket: '',
    where: '',
    balance: 0,
    staff: false,
    goods: [] as GoodsCard[],
    reservations: [] as Reservation[],
    /** The reservation whose QR code is open. */
    showing: '',
    busy: false,
    redeemKey: '',
  },
  methods: {
    async load(query: Record<string, string | undefined>) {
      const [shop, mine] = await Promise.all([
        call('charity', 'pointShop', query.supermarketId ? { supermarketId: query.supermarketId } : {}),
        call('charity', 'myRedemptions', {}),
      ]);
      if (!shop.ok) return shop;
      if (!mine.ok) return mine;
      const s = shop.data;
      const items = mine.data.items.map(reservation);
      return {
        ok: true as const,
        data: {
          supermarketId: s.supermarket?.id ?? '',
          supermarket: s.supermarket?.name ?? '',
          where: s.supermarket ? `${s.supermarket.address} · ${s.supermarket.hours}` : '',
          balance: s.balance,
          staff: s.staff,
          goods: s.goods.map((g) => goodsCard(g, s.balance)),
          reservations: items,
          showing: items.find((r) => r.waiting)?.code ?? '',
        },
      };
    },
    async onRedeem(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const g = this.data.goods.find((x) => x.id === e.currentTarget.dataset.id);
      if (!g || !g.affordable || this.data.busy) return;
      const { confirm } = await wx.showModal({
        title: `用 ${g.price}兑换${g.name}？`,
        content: `兑换后请到${this.data.supermarket}出示兑换码领取`,
        confirmText: '兑换',
        cancelText: '再想想',
      });
      if (!confirm) return;
      // One key per reservation until it succeeds: a retried tap reserves once.
      const key = this.data.redeemKey || newIdempotencyKey();
      this.setData({ busy: true, redeemKey: key });
      const reply = await call('charity', 'redeem', { goodsId: g.id, idempotencyKey: key });
      if (!reply.ok) {
        this.setData({ busy: false, redeemKey: '' });
        wx.showModal({ title: '没有兑换成功', content: reply.error.message, showCancel: false });
        void this.reload();
        return;
      }
      this.setData({ busy: false, redeemKey: '' });
      wx.showToast({ title: '已兑换', icon: 'success' });
      await this.reload();
      this.setData({ showing: reply.data.code });
    },
    onToggleCode(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { code: string }>,
    ) {
      const { code } = e.currentTarget.dataset;
      this.setData({ showing: this.data.showing === code ? '' : code });
    },
    async onCancel(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { code: string }>,
    ) {
      if (this.data.busy) return;
      const { confirm } = await wx.showModal({
        title: '不要这件了？',
        content: '取消后积分会退回，物品放回货架',
        confirmText: '取消兑换',
        cancelText: '再想想',
      });
      if (!confirm) return;
      this.setData({ busy: true });
      const reply = await call('charity', 'cancelRedemption', { code: e.currentTarget.dataset.code });
      this.setData({ busy: false });
      if (!reply.ok) wx.showModal({ title: '没有取消成功', content: reply.error.message, showCancel: false });
      else wx.showToast({ title: '已取消，积分已退回', icon: 'none' });
      await this.reload();
    },
    onHandOver() {
      wx.navigateTo({ url: '/packages/charity/pages/points-handover/index' });
    },
    onMerchants() {
      wx.navigateTo({
        url: `/packages/charity/pages/merchants/index?streetId=${this.data.supermarketId}`,
      });
    },
    onManage() {
      wx.navigateTo({
        url: `/packages/charity/pages/points-goods/index?supermarketId=${this.data.supermarketId}`,
      });
    },
  },
});
