/**
 * 证明查验: anyone types (or pastes) a certificate code and sees whether it is genuine, with the masked name, the
 * hours, the period and the issue date to compare with the paper.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type CertificateCheck } from '../../lib/views';
import { VOL_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';
import { fullDateKeyText } from '../../../../shared/calendar';

Component({
  behaviors: [elderModeBehavior],
  data: {
    code: '',
    checking: false,
    result: null as CertificateCheck | null,
    /** The period and issue date in words (2026年11月2日). */
    period: '',
    issued: '',
    banner: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { code: VOL_LIMITS.certificateCodeMax },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.code) {
        this.setData({ code: query.code });
        this.onCheck();
      }
    },
    onCode(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ code: e.detail.value, result: null });
    },
    async onCheck() {
      const code = this.data.code.trim();
      if (!code || this.data.checking) return;
      this.setData({ checking: true, banner: '' });
      const reply = await call('volunteering', 'verifyCertificate', { code });
      this.setData({ checking: false });
      if (!reply.ok) {
        this.setData({
          banner: reply.error.code === 'INVALID_INPUT' ? '编号是 16 位字母和数字' : reply.error.message,
        });
        return;
      }
      const r = reply.data;
      const day = (date?: string): string => (date ? fullDateKeyText(date) : '');
      this.setData({
        result: r,
        period: `${day(r.firstDate)} 至 ${day(r.lastDate)}`,
        issued: day(r.issuedAt),
      });
    },
  },
});
