/**
 * 活动详情与报名: what the activity is, when and where, seats and waitlist, and what the caller can do now —
 * sign up (subscription consent asked first, so a promotion from the waitlist can reach them), cancel (told
 * plainly when it will count as late), scan to check in or out; the organizer gets the code screen, the roster,
 * editing and calling the activity off.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { ensureSession } from '../../../../lib/session';
import { type ActivityDetail } from '../../lib/views';
import { askSignUpConsent } from '../../lib/templates';
import { distanceWords, PHASES } from '../../lib/words';
import { clockText, dayClockText } from '../../../../shared/calendar';
import { call } from '../../../../lib/api';

const HOUR = 3_600_000;
/** Check-in opens an hour before the start; check-out closes two hours after the end (VOL_LIMITS). */
const CHECK_IN_OPENS_MS = HOUR;
const CHECK_OUT_GRACE_MS = 2 * HOUR;

/** What the page shows, derived from the detail. */
function viewOf(a: ActivityDetail, isVolunteer: boolean, now: number) {
  const start = Date.parse(a.startAt);
  const end = Date.parse(a.endAt);
  const me = a.me;
  const holds = me.standing === 'admitted' || me.standing === 'waiting';
  const canCancel = holds && a.phase !== 'cancelled' && now < start - CHECK_IN_OPENS_MS;
  const inScanWindow = now >= start - CHECK_IN_OPENS_MS && now <= end + CHECK_OUT_GRACE_MS;
  const canScan =
    me.standing === 'admitted' &&
    a.phase !== 'cancelled' &&
    a.phase !== 'completed' &&
    inScanWindow &&
    !me.checkOutAt;
  let standingText = '';
  if (a.phase === 'cancelled' && holds) {
    // The called-off banner (活动已取消) says it all; 请准时参加 or a waiting place would contradict it.
  } else if (me.standing === 'admitted') {
    standingText = me.checkOutAt
      ? `已签到 ${clockText(me.checkInAt!)}，已签退 ${clockText(me.checkOutAt)}`
      : me.checkInAt
        ? `已签到 ${clockText(me.checkInAt)}，离开时别忘了扫码签退`
        : '您已报名，请准时参加';
  } else if (me.standing === 'waiting') {
    standingText = `您在候补第 ${me.position} 位：有人取消时按顺序补上，补上后会通知您`;
  } else if (me.standing === 'cancelled') {
    standingText = me.late ? '您已取消报名（取消时已过截止时间，记为迟取消）' : '您已取消报名';
  }
  return {
    title: a.title,
    time: a.timeText,
    address: a.address,
    community: a.communityName,
    organizer: a.organizerName,
    description: a.description,
    cover: a.coverFileId ?? '',
    skills: a.skills,
    phase: PHASES[a.phase].label,
    phaseTheme: PHASES[a.phase].theme,
    seatsLine:
      a.seatsLeft > 0
        ? `已报名 ${a.admitted} 人，还剩 ${a.seatsLeft} 个名额`
        : `${a.capacity} 个名额已满${a.waiting > 0 ? `，${a.waiting} 人候补` : ''}`,
    signupLine: `报名截止 ${dayClockText(a.signupClosesAt)}`,
    cancelLine:
      a.phase === 'open' || a.phase === 'notOpen' || a.phase === 'signupClosed'
        ? `${dayClockText(a.cancelDeadline)} 后取消报名会记为迟取消`
        : '',
    signupOpen: a.phase === 'notOpen' ? `报名 ${dayClockText(a.signupOpensAt)} 开始` : '',
    distance: a.distanceM !== undefined ? `距您约 ${distanceWords(a.distanceM)}` : '',
    cancelReason: a.cancelReason ?? '',
    standing: me.standing,
    standingText,
    canSignUp: a.phase === 'open' && !holds,
    signUpLabel: !isVolunteer ? '成为志愿者后报名' : a.seatsLeft > 0 ? '我要报名' : '名额已满，加入候补',
    canCancel,
    cancelLabel: me.standing === 'waiting' ? '取消候补' : '取消报名',
    lateIfCancelNow: me.standing === 'admitted' && now >= Date.parse(a.cancelDeadline),
    canScan,
    scanLabel: me.checkInAt ? '扫码签退' : '扫码签到',
    scanMode: me.checkInAt ? 'out' : 'in',
    canManage: a.canManage,
    manageable: a.canManage && a.phase !== 'cancelled' && a.phase !== 'completed' && a.phase !== 'ended',
    location: a.location,
  };
}

type View = ReturnType<typeof viewOf>;

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    id: '',
    isVolunteer: false,
    busy: false,
    banner: '',
    v: {} as View,
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const reply = await call('volunteering', 'activityDetail', { activityId: this.data.id });
      if (!reply.ok) return reply;
      return {
        ok: true,
        data: {
          isVolunteer: session.me.isVolunteer,
          v: viewOf(reply.data, session.me.isVolunteer, Date.now()),
        },
      };
    },
    async onSignUp() {
      if (this.data.busy) return;
      if (!this.data.isVolunteer) {
        wx.navigateTo({
          url: `/packages/volunteering/pages/join/index?next=${encodeURIComponent(this.data.id)}`,
        });
        return;
      }
      this.setData({ busy: true, banner: '' });
      // Asked first, in the tap: a promotion from the waitlist can only be told to someone who agreed.
      await askSignUpConsent();
      const reply = await call('volunteering', 'signUp', { activityId: this.data.id });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        await this.reload();
        return;
      }
      const r = reply.data;
      wx.showToast({
        title: r.standing === 'admitted' ? '报名成功' : `已候补，第 ${r.position} 位`,
        icon: r.standing === 'admitted' ? 'success' : 'none',
      });
      await this.reload();
    },
    async onCancel() {
      if (this.data.busy) return;
      const late = this.data.v.lateIfCancelNow;
      const answer = await wx.showModal({
        title: this.data.v.cancelLabel,
        content: late
          ? '已过取消截止时间，现在取消会记为一次迟取消。确定取消吗？'
          : '取消后名额会让给候补的志愿者。确定取消吗？',
        confirmText: '确定取消',
        cancelText: '不取消',
      });
      if (!answer.confirm) return;
      this.setData({ busy: true, banner: '' });
      const reply = await call('volunteering', 'cancelSignUp', { activityId: this.data.id });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已取消', icon: 'none' });
      await this.reload();
    },
    onScan() {
      wx.navigateTo({
        url: `/packages/volunteering/pages/scan/index?id=${encodeURIComponent(this.data.id)}&mode=${this.data.v.scanMode}`,
      });
    },
    onMap() {
      const { location, address, title } = this.data.v;
      wx.openLocation({
        latitude: location.latitude,
        longitude: location.longitude,
        name: title,
        address,
        scale: 16,
      });
    },
    onManage(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { page: string }>,
    ) {
      wx.navigateTo({
        url: `/packages/volunteering/pages/${e.currentTarget.dataset.page}/index?id=${encodeURIComponent(this.data.id)}`,
      });
    },
    async onCallOff() {
      const answer = await wx.showModal({
        title: '取消这个活动',
        content: '',
        editable: true,
        placeholderText: '请写明原因，会通知已报名的志愿者',
        confirmText: '取消活动',
        cancelText: '不取消',
      } as WechatMiniprogram.ShowModalOption);
      const reason = ((answer as { content?: string }).content ?? '').trim();
      if (!answer.confirm) return;
      if (!reason) {
        this.setData({ banner: '请写明取消原因，志愿者会收到通知' });
        return;
      }
      this.setData({ busy: true, banner: '' });
      const reply = await call('volunteering', 'cancelActivity', { activityId: this.data.id, reason });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已取消并通知志愿者', icon: 'none' });
      await this.reload();
    },
  },
});
