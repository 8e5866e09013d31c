/**
 * 扫码签到 / 签退: the volunteer scans the organizer's rotating code (wx.scanCode) and sends where they are
 * (wx.getLocation); the function checks both. Every refusal is said plainly — an old code, another activity's
 * code, or too far away (with the distance) — with one big button to try again.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { activityIdOfCode, hoursWords } from '../../lib/words';
import { clockText } from '../../../../shared/calendar';
import { call } from '../../../../lib/api';

type Mode = 'in' | 'out';
type Status = 'idle' | 'working' | 'done' | 'failed';

/** Where the phone is, or why not. */
async function whereAmI(): Promise<{ latitude: number; longitude: number } | { error: string }> {
  try {
    const loc = await wx.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 });
    return { latitude: loc.latitude, longitude: loc.longitude };
  } catch (err) {
    const msg = String((err as { errMsg?: string }).errMsg ?? err);
    return {
      error: /auth|deny|privacy/i.test(msg)
        ? '需要您的位置才能确认您在活动现场。请点下面“打开设置”，允许使用位置信息。'
        : '没能获取到位置，请到开阔处再试一次。',
    };
  }
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    id: '',
    mode: 'in' as Mode,
    status: 'idle' as Status,
    /** The big line of the result. */
    headline: '',
    /** Details under it. */
    detail: '',
    needsSettings: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '', mode: query.mode === 'out' ? 'out' : 'in' });
      wx.setNavigationBarTitle?.({ title: query.mode === 'out' ? '扫码签退' : '扫码签到' });
    },
    onPickMode(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { mode: Mode }>,
    ) {
      this.setData({ mode: e.currentTarget.dataset.mode, status: 'idle', headline: '', detail: '' });
      this.onScan();
    },
    async onScan() {
      if (this.data.status === 'working') return;
      let code: string;
      try {
        const scanned = await wx.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
        code = scanned.result;
      } catch {
        // The volunteer backed out of the camera: nothing to say.
        return;
      }
      const activityId = this.data.id || activityIdOfCode(code);
      if (!activityId) {
        this.fail('这不是睦邻的签到码', '请扫描组织者手机上的签到二维码。');
        return;
      }
      this.setData({ status: 'working', headline: '正在确认…', detail: '', needsSettings: false });
      const where = await whereAmI();
      if ('error' in where) {
        this.setData({ needsSettings: where.error.includes('设置') });
        this.fail('没有获取到位置', where.error);
        return;
      }
      const mode = this.data.mode;
      const reply = await call('volunteering', mode === 'in' ? 'checkIn' : 'checkOut', {
        activityId,
        code,
        location: where,
      });
      if (!reply.ok) {
        this.fail(mode === 'in' ? '签到没有成功' : '签退没有成功', reply.error.message);
        return;
      }
      const r = reply.data;
      if (mode === 'in') {
        this.setData({
          status: 'done',
          headline: r.already ? `您 ${clockText(r.at)} 已经签到过了` : `签到成功 ${clockText(r.at)}`,
          detail: '离开时请再扫一次码签退，服务时长从签到算到签退。',
        });
      } else {
        const minutes = r.minutes ?? 0;
        this.setData({
          status: 'done',
          headline: r.already ? `您 ${clockText(r.at)} 已经签退过了` : `签退成功 ${clockText(r.at)}`,
          detail: `本次服务 ${hoursWords(minutes)}${r.capped ? '（按活动计划时长计）' : ''}，组织者确认后计入您的时长。`,
        });
      }
    },
    fail(headline: string, detail: string) {
      this.setData({ status: 'failed', headline, detail });
    },
    onSettings() {
      wx.openSetting?.({});
    },
    onBack() {
      wx.navigateBack({ delta: 1 });
    },
  },
});
