/**
 * 家人绑定: an elder shows a 6-digit code (valid 10 minutes) to a family member, who types it here to ask; the
 * elder confirms or declines. Either side can end a link. Requests waiting for me come first.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { type LinkView } from '../../../../lib/account';
import { plainFieldErrors } from '../../../../lib/form';
import { ensureSession } from '../../../../lib/session';
import { clockText } from '../../../../shared/calendar';
import { ACCOUNT_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

/** A link as a line of the page. */
interface LinkLine {
  id: string;
  name: string;
  /** e.g. "侄女 · 28 岁". */
  detail: string;
}

/** Relations offered as one tap; anything else can be typed. */
const RELATIONS = ['子女', '配偶', '孙辈', '亲戚', '邻居', '网格员'];

const FIELD_HINTS: Record<string, string> = {
  code: `绑定码是 ${ACCOUNT_LIMITS.linkCodeLength} 位数字`,
  relation: '请写上您和老人的关系，如“子女”',
};

function line(link: LinkView): LinkLine {
  const name = link.other.realNameMasked
    ? `${link.other.nickname}（${link.other.realNameMasked}）`
    : link.other.nickname;
  const parts = [link.relation, link.other.age ? `${link.other.age} 岁` : ''].filter(Boolean);
  return { id: link.id, name, detail: parts.join(' · ') };
}

const timers = new WeakMap<object, number>();

function stopTimer(owner: object): void {
  const timer = timers.get(owner);
  if (timer !== undefined) clearInterval(timer);
  timers.delete(owner);
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    incoming: [] as LinkLine[],
    outgoing: [] as LinkLine[],
    active: [] as LinkLine[],
    myCode: '',
    codeUntil: '',
    codeExpiresAt: 0,
    creatingCode: false,
    code: '',
    relation: '',
    relations: RELATIONS,
    errors: {} as Record<string, string>,
    sending: false,
    banner: '',
    busyId: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { code: ACCOUNT_LIMITS.linkCodeLength, relation: ACCOUNT_LIMITS.relationMax },
  },
  lifetimes: {
    detached() {
      stopTimer(this);
    },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const reply = await call('account', 'listLinks');
      if (!reply.ok) return reply;
      const links = reply.data;
      return {
        ok: true,
        data: {
          incoming: links.filter((l) => l.as === 'elder' && l.status === 'pending').map(line),
          outgoing: links.filter((l) => l.as === 'relative' && l.status === 'pending').map(line),
          active: links.filter((l) => l.status === 'active').map(line),
        },
      };
    },
    async onCreateCode() {
      if (this.data.creatingCode) return;
      this.setData({ creatingCode: true, banner: '' });
      const reply = await call('account', 'createLinkCode');
      if (!reply.ok) {
        this.setData({ creatingCode: false, banner: reply.error.message });
        return;
      }
      const expires = new Date(reply.data.expiresAt);
      this.setData({
        creatingCode: false,
        myCode: reply.data.code,
        codeExpiresAt: expires.getTime(),
        codeUntil: clockText(expires),
      });
      // Hide the code once it has expired, so nobody reads out a dead one.
      stopTimer(this);
      timers.set(
        this,
        setInterval(() => {
          if (Date.now() >= this.data.codeExpiresAt) {
            stopTimer(this);
            this.setData({ myCode: '', codeUntil: '' });
          }
        }, 15_000) as unknown as number,
      );
    },
    onCodeInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const errors = { ...this.data.errors };
      delete errors.code;
      this.setData({ code: e.detail.value, errors });
    },
    onRelationInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const errors = { ...this.data.errors };
      delete errors.relation;
      this.setData({ relation: e.detail.value, errors });
    },
    onRelationTap(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>,
    ) {
      const errors = { ...this.data.errors };
      delete errors.relation;
      this.setData({ relation: e.currentTarget.dataset.value, errors });
    },
    async onAsk() {
      if (this.data.sending) return;
      this.setData({ sending: true, banner: '', errors: {} });
      const reply = await call('account', 'requestLink', {
        code: this.data.code.trim(),
        relation: this.data.relation,
      });
      if (reply.ok) {
        this.setData({ sending: false, code: '', relation: '' });
        wx.showToast({ title: '已发送，请等家人确认', icon: 'none' });
        await this.reload();
        return;
      }
      const { code, message } = reply.error;
      if (code === 'INVALID_INPUT')
        this.setData({ sending: false, errors: plainFieldErrors(reply, FIELD_HINTS) });
      else if (code === 'NOT_FOUND')
        this.setData({ sending: false, errors: { code: '绑定码不对或已过期，请让家人重新生成一个' } });
      else this.setData({ sending: false, banner: message });
    },
    async onRespond(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { id: string; accept: boolean }
      >,
    ) {
      const { id, accept } = e.currentTarget.dataset;
      if (this.data.busyId) return;
      this.setData({ busyId: id, banner: '' });
      const reply = await call('account', 'respondLink', { linkId: id, accept: Boolean(accept) });
      this.setData({ busyId: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: accept ? '已同意' : '已拒绝', icon: 'none' });
      await this.reload();
    },
    async onUnlink(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { id: string; name: string }
      >,
    ) {
      const { id, name } = e.currentTarget.dataset;
      if (this.data.busyId) return;
      const answer = await wx.showModal({
        title: '解除绑定',
        content: `解除后，${name}不能再帮您办事。确定解除吗？`,
        confirmText: '解除',
        cancelText: '再想想',
      });
      if (!answer.confirm) return;
      this.setData({ busyId: id, banner: '' });
      const reply = await call('account', 'unlink', { linkId: id });
      this.setData({ busyId: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已解除', icon: 'none' });
      await this.reload();
    },
  },
});
