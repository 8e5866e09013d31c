/**
 * 合作商户: the partner merchants of a street (a barber, a grocery) where 爱心积分 can be spent besides the charity
 * supermarket. A merchant's staff manage its offers and scan codes at the hand-over from here; an admin over the
 * street registers a merchant with its staff (someone already using the mini program, by their phone number).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { PERSON_LIMITS, POINTS_LIMITS } from '../../../../shared/limits';

/** A merchant as listed. */
interface Line {
  id: string;
  name: string;
  kind: string;
  address: string;
  staff: boolean;
  staffText: string;
}

const HINTS = {
  name: '请填写商户名称',
  kind: '请填写经营什么，如 理发',
  address: '请填写地址',
  staffPhones: '请填写店员在睦邻登记的 11 位手机号',
  'staffPhones.0': '请填写店员在睦邻登记的 11 位手机号',
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    streetId: '',
    merchants: [] as Line[],
    canRegister: false,
    name: '',
    kind: '',
    address: '',
    phone: '',
    errors: {} as Record<string, string>,
    saveError: '',
    saving: false,
    addKey: '',
    max: {
      name: POINTS_LIMITS.merchantNameMax,
      kind: POINTS_LIMITS.merchantKindMax,
      address: POINTS_LIMITS.merchantAddressMax,
      phone: PERSON_LIMITS.phoneDigits,
    },
  },
  methods: {
    async load(query: Record<string, string | undefined>): Promise<LoadResult> {
      const reply = await call('charity', 'merchants', query.streetId ? { streetId: query.streetId } : {});
      if (!reply.ok) return reply;
      return {
        ok: true,
        data: {
          streetId: reply.data.streetId,
          canRegister: reply.data.canRegister,
          merchants: reply.data.merchants.map((m) => ({
            id: m.id,
            name: m.name,
            kind: m.kind,
            address: m.address,
            staff: m.staff,
            staffText: m.staffNames ? `店员：${m.staffNames.join('、')}` : '',
          })),
        },
      };
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = (e.currentTarget as unknown as { dataset: { field: string } }).dataset.field;
      this.setData({
        [field]: e.detail.value,
        [`errors.${field === 'phone' ? 'staffPhones' : field}`]: '',
        saveError: '',
      });
    },
    async onRegister() {
      if (this.data.saving) return;
      const d = this.data;
      // One key per merchant until it is registered: a retried tap registers once.
      const key = d.addKey || newIdempotencyKey();
      this.setData({ saving: true, saveError: '', errors: {}, addKey: key });
      const reply = await call('charity', 'registerMerchant', {
        streetId: d.streetId,
        name: d.name,
        kind: d.kind,
        address: d.address,
        staffPhones: [d.phone],
        idempotencyKey: key,
      });
      if (!reply.ok) {
        const { 'staffPhones.0': phone, ...rest } = plainFieldErrors(reply, HINTS);
        const errors = phone ? { ...rest, staffPhones: phone } : rest;
        this.setData({
          saving: false,
          errors,
          saveError: Object.keys(errors).length ? '' : reply.error.message,
        });
        return;
      }
      this.setData({ saving: false, addKey: '', name: '', kind: '', address: '', phone: '' });
      wx.showToast({ title: '已登记', icon: 'success' });
      await this.reload();
    },
    onOffers(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({
        url: `/packages/charity/pages/points-goods/index?supermarketId=${this.data.streetId}&merchantId=${e.currentTarget.dataset.id}`,
      });
    },
    onScan() {
      wx.navigateTo({ url: '/packages/charity/pages/points-handover/index' });
    },
  },
});
