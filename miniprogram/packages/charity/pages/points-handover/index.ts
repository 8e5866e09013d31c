/**
 * 兑换交付, at the supermarket counter: scan the QR code on the volunteer's phone, see what they reserved with
 * their points (their name masked) and hand it over. A code already handed over or given up says so instead of
 * handing over twice.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { call } from '../../../../lib/api';
import type { RedemptionView } from '../../lib/views';

Component({
  behaviors: [elderModeBehavior],
  data: {
    looking: false,
    problem: '',
    r: null as RedemptionView | null,
    submitting: false,
    done: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.code) void this.lookup(query.code);
    },
    async onScan() {
      let code: string;
      try {
        code = (await wx.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
      } catch {
        return;
      }
      await this.lookup(code);
    },
    async lookup(code: string) {
      this.setData({ looking: true, problem: '', r: null, done: '' });
      const reply = await call('charity', 'lookupRedemption', { code });
      if (!reply.ok) {
        this.setData({ looking: false, problem: reply.error.message });
        return;
      }
      this.setData({ looking: false, r: reply.data });
    },
    async onHandOver() {
      const r = this.data.r;
      if (!r || this.data.submitting) return;
      this.setData({ submitting: true, problem: '' });
      const reply = await call('charity', 'handOver', { code: r.code });
      if (!reply.ok) {
        this.setData({ submitting: false, problem: reply.error.message });
        return;
      }
      this.setData({
        submitting: false,
        r: reply.data,
        done: `已把${reply.data.goodsName}交给${reply.data.holderName ?? '兑换人'}。`,
      });
    },
    onNext() {
      this.setData({ r: null, done: '', problem: '' });
      void this.onScan();
    },
  },
});
