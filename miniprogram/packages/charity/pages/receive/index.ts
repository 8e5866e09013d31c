/**
 * 接收物品, at the supermarket counter: scan the donor's code (or type it), see what was pledged and for whom
 * (masked), then record how many came and in what condition (and a photo if wanted) and receive it. An unusable
 * item is refused, and the need reopens. Scanning a code already received says so instead of receiving twice.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { profileText } from '../../lib/words';
import { dayText } from '../../../../shared/calendar';
import { CHARITY_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

type Condition = 'good' | 'fair' | 'unusable';

interface Pledged {
  id: string;
  code: string;
  title: string;
  who: string;
  donor: string;
  pledgeBy: string;
  quantity: number;
  unit: string;
  status: string;
  statusLabel: string;
  receivable: boolean;
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    typed: '',
    looking: false,
    problem: '',
    p: null as Pledged | null,
    quantity: 1,
    condition: 'good' as Condition,
    photo: '',
    submitting: false,
    done: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { code: CHARITY_LIMITS.donationCodeMax },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.code) void this.lookup(query.code);
      else if (query.scan === '1') void this.onScan();
    },
    async onScan() {
      let code: string;
      try {
        const scanned = await wx.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] });
        code = scanned.result;
      } catch {
        return;
      }
      await this.lookup(code);
    },
    onTyped(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ typed: e.detail.value, problem: '' });
    },
    async onLookupTyped() {
      if (this.data.typed.replace(/[\s-]/g, '').length < 8) {
        this.setData({ problem: '捐赠码是 8 位字母和数字，如 K7Q2-9XMB' });
        return;
      }
      await this.lookup(this.data.typed);
    },
    async lookup(code: string) {
      this.setData({ looking: true, problem: '', p: null, done: '', photo: '' });
      const reply = await call('charity', 'lookupCode', { code });
      if (!reply.ok) {
        this.setData({ looking: false, problem: reply.error.message });
        return;
      }
      const d = reply.data;
      this.setData({
        looking: false,
        p: {
          id: d.id,
          code,
          title: `${d.item} ${d.quantity}${d.unit}`,
          who: d.recipient ? profileText(d.recipient) : '捐给超市统一调配',
          donor: d.donor,
          pledgeBy: dayText(d.pledgeBy),
          quantity: d.quantity,
          unit: d.unit,
          status: d.status,
          statusLabel: d.statusLabel,
          receivable: d.can.receive,
        },
        quantity: d.quantity,
        condition: 'good',
      });
    },
    onQuantity(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ quantity: Number(e.detail.value) });
    },
    onCondition(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: Condition }>,
    ) {
      this.setData({ condition: e.currentTarget.dataset.value });
    },
    async onPhoto() {
      try {
        const res = await wx.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
        this.setData({ photo: res.tempFiles[0]?.tempFilePath ?? '' });
      } catch {
        // Backed out of the camera: no photo.
      }
    },
    async onReceive() {
      const p = this.data.p;
      if (!p || this.data.submitting) return;
      this.setData({ submitting: true, problem: '' });
      let photoFileId: string | undefined;
      if (this.data.photo) {
        try {
          const up = await wx.cloud.uploadFile({
            cloudPath: `charity/${p.id}/${Date.now()}.jpg`,
            filePath: this.data.photo,
          });
          photoFileId = up.fileID;
        } catch {
          this.setData({ submitting: false, problem: '照片没有传上去，请再试一次，或不拍照直接接收' });
          return;
        }
      }
      const reply = await call('charity', 'receive', {
        code: p.code,
        condition: this.data.condition,
        ...(this.data.condition === 'unusable' ? {} : { quantity: this.data.quantity }),
        ...(photoFileId ? { photoFileId } : {}),
      });
      if (!reply.ok) {
        this.setData({ submitting: false, problem: reply.error.message });
        return;
      }
      const { donation, replayed } = reply.data;
      this.setData({
        submitting: false,
        done: replayed
          ? '这件物品之前已经接收过了，不用再收。'
          : donation.status === 'rejected'
            ? '已记录：物品不宜转赠，没有接收。心愿已重新开放。'
            : `已接收 ${donation.receivedQuantity ?? donation.quantity}${donation.unit}，捐赠人会收到通知。`,
        p: { ...p, status: donation.status, statusLabel: donation.statusLabel, receivable: false },
      });
    },
    onOpen() {
      if (this.data.p) wx.navigateTo({ url: `/packages/charity/pages/donation/index?id=${this.data.p.id}` });
    },
    onNext() {
      this.setData({ p: null, done: '', typed: '' });
      void this.onScan();
    },
  },
});
