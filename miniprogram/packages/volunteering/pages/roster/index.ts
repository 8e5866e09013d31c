/**
 * 报名名单与时长确认 (organizer): who holds a seat, who waits (in order) and who cancelled, with check-in and
 * check-out times, no-shows and late cancellations; each volunteer's phone one tap away. Hours are confirmed one
 * by one or all at once; an auto-closed check-out, an early leaver or someone who helped without scanning gets
 * the real minutes with a reason; confirmed hours can be adjusted with a reason (the ledger keeps every change).
 * A fourth tab suggests volunteers whose skills and time fit (names masked).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { newIdempotencyKey } from '../../../../lib/cloud';
import type { RosterItem, RosterView } from '../../lib/views';
import { clock, hoursWords, PHASES } from '../../lib/words';
import { call } from '../../../../lib/api';

type Section = 'admitted' | 'waiting' | 'cancelled' | 'suggest';
type FormMode = 'confirm' | 'record' | 'adjust';

/** A volunteer as a row. */
interface Row {
  signupId: string;
  name: string;
  phone: string;
  tags: string[];
  hours: string;
  canConfirm: boolean;
  canConfirmOther: boolean;
  canRecord: boolean;
  canAdjust: boolean;
}

/** A suggested volunteer as a row. */
interface Suggestion {
  id: string;
  title: string;
  description: string;
  signedUp: boolean;
}

function rowOf(item: RosterItem, ended: boolean): Row {
  const tags: string[] = [];
  if (item.standing === 'waiting') tags.push(`候补第 ${item.position} 位`);
  if (item.checkInAt) tags.push(`签到 ${clock(item.checkInAt)}`);
  if (item.checkOutAt)
    tags.push(item.autoClosed ? '忘记签退（系统自动签退）' : `签退 ${clock(item.checkOutAt)}`);
  if (item.noShow) tags.push('未到场');
  if (item.standing === 'cancelled') tags.push(item.late ? '迟取消' : '已取消');
  const h = item.hours;
  const hours = h
    ? h.verified
      ? `已确认 ${hoursWords(h.verifiedMinutes)}`
      : `待确认 ${hoursWords(h.pendingMinutes)}`
    : '';
  const attended = item.standing === 'admitted';
  return {
    signupId: item.signupId,
    name: item.realName || '（未留姓名）',
    phone: item.phone,
    tags,
    hours,
    canConfirm: Boolean(h && !h.verified),
    canConfirmOther: Boolean(h && !h.verified),
    canRecord: attended && !h && ended && Boolean(item.signupId),
    canAdjust: Boolean(h?.verified),
  };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    id: '',
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    section: 'admitted' as Section,
    title: '',
    summary: '',
    counts: { admitted: 0, waiting: 0, cancelled: 0, checkedIn: 0, toVerify: 0 },
    rows: [] as Row[],
    suggestions: [] as Suggestion[],
    next: null as number | null,
    ended: false,
    busy: '',
    banner: '',
    form: { signupId: '', mode: 'confirm' as FormMode, minutes: '', reason: '', key: '' },
  },
  pageLifetimes: {
    show() {
      if (this.data.status === 'ready') this.fetch(0);
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      this.fetch(0);
    },
    async onPullDownRefresh() {
      await this.fetch(0);
      wx.stopPullDownRefresh?.();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.fetch(0);
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Section }>) {
      this.setData({ section: e.detail.value, rows: [], suggestions: [], status: 'loading' });
      this.fetch(0);
    },
    async fetch(offset: number) {
      if (this.data.section === 'suggest') {
        const reply = await call('volunteering', 'suggestVolunteers', { activityId: this.data.id });
        if (!reply.ok) {
          this.setData({ status: 'error', errorMessage: reply.error.message });
          return;
        }
        this.setData({
          status: 'ready',
          suggestions: reply.data.items.map((v) => ({
            id: v.volunteerId,
            title: v.nameMasked,
            description: [
              v.communityName,
              v.matchedSkills.length ? `擅长${v.matchedSkills.join('、')}` : v.skills.join('、'),
              v.distanceKm !== undefined ? `约 ${v.distanceKm} 公里` : '',
            ]
              .filter(Boolean)
              .join(' · '),
            signedUp: v.signedUp,
          })),
        });
        return;
      }
      const reply = await call('volunteering', 'roster', {
        activityId: this.data.id,
        section: this.data.section,
        offset,
      });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      this.show(reply.data, offset);
    },
    show(r: RosterView, offset: number) {
      const ended = r.activity.phase === 'ended' || r.activity.phase === 'completed';
      const rows = r.items.map((i) => rowOf(i, ended));
      this.setData({
        status: 'ready',
        title: r.activity.title,
        summary: `${r.activity.timeText} · ${PHASES[r.activity.phase].label} · 已签到 ${r.counts.checkedIn} / ${r.counts.admitted} 人`,
        counts: r.counts,
        ended,
        rows: offset === 0 ? rows : [...this.data.rows, ...rows],
        next: r.next,
      });
    },
    async onMore() {
      if (this.data.next !== null) await this.fetch(this.data.next);
    },
    onCall(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { phone: string }>) {
      const phone = e.currentTarget.dataset.phone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone });
    },
    async onConfirm(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const signupId = e.currentTarget.dataset.id;
      if (this.data.busy) return;
      this.setData({ busy: signupId, banner: '' });
      const reply = await call('volunteering', 'verifyHours', { signupId });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已确认', icon: 'success' });
      await this.fetch(0);
    },
    async onConfirmAll() {
      if (this.data.busy) return;
      const answer = await wx.showModal({
        title: '全部确认',
        content: `按签到签退记录确认 ${this.data.counts.toVerify} 人的时长？自动签退的也会按记录确认；需要改的请先单独处理。`,
        confirmText: '全部确认',
        cancelText: '再看看',
      });
      if (!answer.confirm) return;
      this.setData({ busy: 'all', banner: '' });
      const reply = await call('volunteering', 'verifyAllHours', { activityId: this.data.id });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: `已确认 ${reply.data.verified} 人`, icon: 'success' });
      await this.fetch(0);
    },
    onOpenForm(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { id: string; mode: FormMode }
      >,
    ) {
      const { id, mode } = e.currentTarget.dataset;
      this.setData({
        form: { signupId: id, mode, minutes: '', reason: '', key: newIdempotencyKey() },
        banner: '',
      });
    },
    onCloseForm() {
      this.setData({ 'form.signupId': '' });
    },
    onFormMinutes(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.minutes': e.detail.value });
    },
    onFormReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.reason': e.detail.value });
    },
    async onSubmitForm() {
      const f = this.data.form;
      const minutes = Number(f.minutes);
      const reason = f.reason.trim();
      const badMinutes = f.mode === 'adjust' ? minutes === 0 : minutes < 0;
      if (!f.minutes || !Number.isInteger(minutes) || badMinutes) {
        this.setData({
          banner: f.mode === 'adjust' ? '请填写要增加或减少的分钟数，如 30 或 -30' : '请填写实际服务的分钟数',
        });
        return;
      }
      if (!reason) {
        this.setData({ banner: '请写明原因，会记在志愿服务记录里' });
        return;
      }
      this.setData({ busy: f.signupId, banner: '' });
      const reply =
        f.mode === 'adjust'
          ? await call('volunteering', 'adjustHours', {
              signupId: f.signupId,
              deltaMinutes: minutes,
              reason,
              idempotencyKey: f.key,
            })
          : await call('volunteering', 'verifyHours', { signupId: f.signupId, minutes, reason });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已保存', icon: 'success' });
      this.setData({ 'form.signupId': '' });
      await this.fetch(0);
    },
  },
});
