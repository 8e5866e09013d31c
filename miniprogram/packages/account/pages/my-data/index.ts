/**
 * 个人信息 (PIPL arts. 44–47): what Mulin holds about me, kind by kind and what deleting my account would do to it;
 * my votes as "which round, how many"; export it all as a file (opened once, within the hour); correct or clear my
 * phone and real name; withdraw consent to messages and location; delete my account (注销账号) with a cooling-off
 * that logging in cancels. With `?elderId=`, an admin does the same for an elder registered without WeChat, after
 * writing down the elder's consent.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { ensureSession } from '../../../../lib/session';
import { clockText, fullDayText } from '../../../../shared/calendar';
import { PRIVACY_LIMITS } from '../../../../shared/limits';

/** One kind of record as a line. */
interface HeldLine {
  collection: string;
  title: string;
  detail: string;
  fate: string;
}

const FATE: Record<string, string> = {
  erase: '注销后删除',
  anonymise: '注销后去掉您的身份',
  keep: '注销后保留记录，不再对应到您',
  none: '注销后去掉您的身份',
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    elderId: '',
    subject: '',
    proxy: false,
    held: [] as HeldLine[],
    votes: [] as { key: string; text: string }[],
    hasPhone: false,
    hasRealName: false,
    phoneNeeded: false,
    erasureDue: '',
    consentNote: '',
    exportId: '',
    exportUntil: '',
    copied: '',
    banner: '',
    busy: '',
    coolingDays: PRIVACY_LIMITS.erasureCoolingDays,
    linkMinutes: PRIVACY_LIMITS.exportLinkMinutes,
    max: { consentNote: PRIVACY_LIMITS.consentNoteMax },
  },
  methods: {
    async load(query: Record<string, string | undefined>): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const elderId = query.elderId ?? '';
      const reply = await call('account', 'myData', elderId ? { elderId } : {});
      if (!reply.ok) return reply;
      const d = reply.data;
      return {
        ok: true,
        data: {
          elderId,
          proxy: d.subject.kind === 'proxy',
          subject: d.subject.realNameMasked
            ? `${d.subject.nickname}（${d.subject.realNameMasked}）`
            : d.subject.nickname,
          held: d.sections.map((s) => ({
            collection: s.collection,
            title: s.title,
            detail: [s.count > 0 ? `${s.count} 条` : '', s.actedOn > 0 ? `经手 ${s.actedOn} 条` : '']
              .filter(Boolean)
              .join('，'),
            fate: FATE[s.treatment] ?? '',
          })),
          votes: d.votes.map((v, i) => ({ key: `v${i}`, text: `${v.round}：投了 ${v.count} 票` })),
          hasPhone: Boolean(d.subject.phoneMasked),
          hasRealName: Boolean(d.subject.realNameMasked),
          phoneNeeded: d.phoneNeeded,
          erasureDue: d.erasureDueAt ? fullDayText(new Date(d.erasureDueAt)) : '',
        },
      };
    },
    /** The consent an admin writes down for an elder (nothing for one's own data). */
    consent() {
      return this.data.elderId
        ? { elderId: this.data.elderId, consent: { method: 'written' as const, note: this.data.consentNote } }
        : {};
    },
    onConsentInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ consentNote: e.detail.value });
    },
    async onExport() {
      if (this.data.busy) return;
      this.setData({ busy: 'export', banner: '', copied: '' });
      const reply = await call('account', 'exportMyData', this.consent());
      if (!reply.ok) {
        this.setData({ busy: '', banner: reply.error.message });
        return;
      }
      this.setData({
        busy: '',
        exportId: reply.data.exportId,
        exportUntil: clockText(new Date(reply.data.expiresAt)),
      });
    },
    async onOpenExport() {
      if (this.data.busy || !this.data.exportId) return;
      this.setData({ busy: 'open', banner: '' });
      const reply = await call('account', 'openExport', { exportId: this.data.exportId });
      if (!reply.ok) {
        this.setData({ busy: '', exportId: '', banner: reply.error.message });
        return;
      }
      // The readable page's link goes to the clipboard: it opens in any browser, for a few minutes, once fetched.
      await wx.setClipboardData({ data: reply.data.htmlUrl });
      this.setData({
        busy: '',
        exportId: '',
        copied: `链接已复制。请在 ${reply.data.linkMinutes} 分钟内粘贴到浏览器打开，可以保存或打印。`,
      });
    },
    async onClear(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { field: string }>,
    ) {
      const field = e.currentTarget.dataset.field === 'phone' ? 'phone' : 'realName';
      const answer = await wx.showModal({
        title: field === 'phone' ? '清除手机号' : '清除真实姓名',
        content: '清除后，社区上门服务时需要再填写。确定清除吗？',
        confirmText: '清除',
        cancelText: '不清除',
      });
      if (!answer.confirm) return;
      this.setData({ busy: field, banner: '' });
      const reply = await call('account', 'updateProfile', { [field]: '' });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已清除', icon: 'none' });
      await this.reload();
    },
    onEditProfile() {
      void wx.navigateTo({ url: '/packages/account/pages/profile/index' });
    },
    async onStopMessages() {
      if (this.data.busy) return;
      this.setData({ busy: 'messages', banner: '' });
      const reply = await call('account', 'withdrawConsent', { kind: 'messages' });
      this.setData({ busy: '' });
      this.setData({ banner: reply.ok ? '已关闭：以后不再给您发订单和捐赠的消息。' : reply.error.message });
    },
    onLocationSetting() {
      // Location is WeChat's own permission: it is turned off in the mini program's settings.
      void wx.openSetting({});
    },
    onPolicy() {
      void wx.navigateTo({ url: '/packages/account/pages/privacy-policy/index' });
    },
    async onDelete() {
      if (this.data.busy) return;
      const answer = await wx.showModal({
        title: '注销账号',
        content: `${this.data.coolingDays} 天后删除您的个人信息，这期间重新打开睦邻就会撤销注销。确定注销吗？`,
        confirmText: '注销',
        cancelText: '不注销',
      });
      if (!answer.confirm) return;
      this.setData({ busy: 'delete', banner: '' });
      const reply = await call('account', 'requestErasure', this.consent());
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      await this.reload();
    },
    async onKeep() {
      if (this.data.busy) return;
      this.setData({ busy: 'keep', banner: '' });
      const reply = await call(
        'account',
        'cancelErasure',
        this.data.elderId ? { elderId: this.data.elderId } : {},
      );
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已撤销注销', icon: 'none' });
      await this.reload();
    },
  },
});
