/**
 * 报名名单与时长确认 (organizer): who holds a seat, who waits (in order) and who cancelled, with check-in and
 * check-out times, no-shows and late cancellations; each volunteer's phone one tap away. Hours are confirmed one
 * by one or all at once; an auto-closed check-out, an early leaver or someone who helped without scanning gets
 * the real minutes with a reason; confirmed hours can be adjusted with a reason (the ledger keeps every change).
 * A fourth tab suggests volunteers whose skills and time fit (names masked).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, type PageResult } from '../../../../behaviors/paged-list';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { type RosterItem, type RosterView } from '../../lib/views';
import { hoursWords, PHASES } from '../../lib/words';
import { clockText } from '../../../../shared/calendar';
import { VOL_LIMITS } from '../../../../shared/limits';
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
  if (item.checkInAt) tags.push(`签到 ${clockText(item.checkInAt)}`);
  if (item.checkOutAt)
    tags.push(item.autoClosed ? '忘记签退（系统自动签退）' : `签退 ${clockText(item.checkOutAt)}`);
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
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    id: '',
    section: 'admitted' as Section,
    title: '',
    summary: '',
    counts: { admitted: 0, waiting: 0, cancelled: 0, checkedIn: 0, toVerify: 0 },
    items: [] as Row[],
    suggestions: [] as Suggestion[],
    ended: false,
    busy: '',
    banner: '',
    form: { signupId: '', mode: 'confirm' as FormMode, minutes: '', reason: '', key: '' },
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { reason: VOL_LIMITS.reasonMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '' });
      void this.reload(query);
    },
    onTab(e: WechatMiniprogram.CustomEvent<{ value: Section }>) {
      this.setData({ section: e.detail.value, items: [], suggestions: [] });
      void this.restart();
    },
    /** Volunteers to invite (one list), or the first page of a section of the roster. */
    async load(): Promise<LoadResult> {
      if (this.data.section !== 'suggest') {
        const first = await this.loadPage(0);
        return first.ok ? { ok: true, data: { ...first.data, loadingMore: false } } : first;
      }
      return mapReply(await call('volunteering', 'suggestVolunteers', { activityId: this.data.id }), (s) => ({
        suggestions: s.items.map((v) => ({
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
      }));
    },
    /** A page of the roster's section, with the activity's line and counts. */
    async loadPage(offset: number): Promise<PageResult<Row>> {
      const { section } = this.data;
      if (section === 'suggest') return { ok: true, data: { items: [], next: null } };
      const reply = await call('volunteering', 'roster', {
        activityId: this.data.id,
        section,
        offset,
      });
      if (!reply.ok) return reply;
      const r: RosterView = reply.data;
      const ended = r.activity.phase === 'ended' || r.activity.phase === 'completed';
      return {
        ok: true,
        data: {
          title: r.activity.title,
          summary: `${r.activity.timeText} · ${PHASES[r.activity.phase].label} · 已签到 ${r.counts.checkedIn} / ${r.counts.admitted} 人`,
          counts: r.counts,
          ended,
          items: r.items.map((i) => rowOf(i, ended)),
          next: r.next,
        },
      };
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
      await this.reload();
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
      await this.reload();
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
      await this.reload();
    },
  },
});
