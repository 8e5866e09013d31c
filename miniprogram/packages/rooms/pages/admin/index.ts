/**
 * 活动室管理 (admins): for each room of the place they administer, how it was used over the last weeks — a heat map
 * of people booked per weekday and hour, bookings, the no-show rate — its closures (add one for a holiday or a
 * repair, take one back), managers and teams; the teams waiting for approval; broken items reported by managers.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import {
  addDays,
  dateKey,
  dateKeyText,
  WEEKDAY_NAMES,
  partsOf,
  startOfDate,
} from '../../../../shared/calendar';
import { ROOMS_LIMITS } from '../../../../shared/limits';
import { ROOM_ROUTES } from '../../lib/routes';
import type { AdminBoard, BoardRoom } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, Record<string, string>>;

/** A room on the board: its heat map as levels 0–4 for colour, and its lines. */
function roomCard(r: BoardRoom) {
  const level = (v: number) => (v === 0 || r.heatMax === 0 ? 0 : Math.max(1, Math.ceil((v / r.heatMax) * 4)));
  return {
    id: r.id,
    name: r.name,
    editUrl: ROOM_ROUTES.edit(r.id),
    place: `${r.communityName} · ${r.kind} · 可容纳 ${r.capacity} 人`,
    usage: `${r.bookings} 个预约，${r.people} 人次`,
    noShow: r.noShowRate === null ? '还没有结束的预约' : `未到场 ${r.noShowRate}%`,
    hours: r.hours.map((h) => ({ h, label: h % 2 === 0 ? String(h) : '' })),
    rows: r.heat.map((row) => ({ day: row.day, cells: row.cells.map((v, i) => ({ i, level: level(v) })) })),
    closures: r.closures,
    managers: r.managers.length ? r.managers.join('、') : '还没有指定管理员',
    teams: r.teams.map((t) => `${t.name} ${t.text}`).join('；'),
    duty: r.duty.join('；'),
  };
}

/** The next dates a closure can start on (today first). */
function closureDates(now: number) {
  const today = dateKey(now);
  return Array.from({ length: ROOMS_LIMITS.horizonDays }, (_, i) => {
    const date = addDays(today, i);
    return { date, label: `${dateKeyText(date)} ${WEEKDAY_NAMES[partsOf(startOfDate(date)).weekday]}` };
  });
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    placeName: '',
    weeks: 0,
    rooms: [] as ReturnType<typeof roomCard>[],
    pendingTeams: [] as AdminBoard['pendingTeams'],
    issues: [] as AdminBoard['issues'],
    closing: '',
    from: '',
    days: 1,
    reason: '',
    dates: [] as { date: string; label: string }[],
    busy: '',
    banner: '',
    newUrl: ROOM_ROUTES.edit(),
    max: { reason: ROOMS_LIMITS.closureReasonMax, days: ROOMS_LIMITS.closureDaysMax },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('rooms', 'adminBoard', {});
      if (!reply.ok) return reply;
      const b = reply.data;
      return {
        ok: true,
        data: {
          placeName: b.placeName,
          weeks: b.weeks,
          rooms: b.rooms.map(roomCard),
          pendingTeams: b.pendingTeams,
          issues: b.issues,
        },
      };
    },
    async done(reply: { ok: boolean; error?: { message: string } }, toast: string) {
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error?.message ?? '' });
        return;
      }
      wx.showToast({ title: toast, icon: 'none' });
      this.setData({ closing: '', reason: '', days: 1 });
      await this.reload();
    },
    onClose(e: Tap) {
      const dates = closureDates(Date.now());
      this.setData({ closing: e.currentTarget.dataset.id, dates, from: dates[0]!.date, banner: '' });
    },
    onFrom(e: Tap) {
      this.setData({ from: e.currentTarget.dataset.date });
    },
    onDays(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ days: Number(e.detail.value) });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    async onAddClosure() {
      const { closing, from, days, reason, busy } = this.data;
      if (busy) return;
      if (!reason.trim()) {
        this.setData({ banner: '请写上暂停开放的原因，比如：更换地板' });
        return;
      }
      this.setData({ busy: 'closure', banner: '' });
      const reply = await call('rooms', 'addClosure', {
        roomId: closing,
        from,
        to: addDays(from, days - 1),
        reason,
      });
      await this.done(reply, reply.ok ? `已暂停开放，取消了 ${reply.data.cancelled} 个预约` : '');
    },
    async onRemoveClosure(e: Tap) {
      this.setData({ busy: e.currentTarget.dataset.closure, banner: '' });
      const reply = await call('rooms', 'removeClosure', {
        roomId: e.currentTarget.dataset.room,
        closureId: e.currentTarget.dataset.closure,
      });
      await this.done(reply, '已恢复开放');
    },
    async onDecide(e: Tap) {
      const approve = e.currentTarget.dataset.approve === 'yes';
      this.setData({ busy: e.currentTarget.dataset.id, banner: '' });
      const reply = await call('rooms', 'decideTeam', { teamId: e.currentTarget.dataset.id, approve });
      await this.done(reply, approve ? '已批准' : '已告知不批准');
    },
    async onFixed(e: Tap) {
      this.setData({ busy: e.currentTarget.dataset.id, banner: '' });
      await this.done(await call('rooms', 'fixIssue', { issueId: e.currentTarget.dataset.id }), '已标记修好');
    },
  },
});
