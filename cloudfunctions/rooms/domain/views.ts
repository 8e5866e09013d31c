/** What each role sees of rooms, bookings and teams: plain words, Beijing times, no ids or phones on screen. */
import {
  addDays,
  dateKey,
  dateKeyText,
  dayClockText,
  WEEKDAY_NAMES,
} from '../../../miniprogram/shared/calendar';
import { ROOMS_LIMITS } from '../../../miniprogram/shared/limits';
import type {
  BookingView,
  DateChoice,
  DutyItem,
  FreeSlotView,
  RoomEditView,
  RoomListItem,
  SlotView,
  TeamView,
} from '../contract';
import type { BookingDoc, DutyDoc, RoomDoc, TeamDoc, TeamSlot } from '../documents';
import { closedOn, daySlots, meetingsOn, minutesText, slotStarts, weekdayOf, type SlotState } from './slots';

const STATUS_TEXT: Record<BookingDoc['status'], string> = {
  booked: '已预约',
  checkedIn: '已签到',
  noShow: '未到场',
  cancelled: '已取消',
  closed: '活动室暂停开放，已取消',
};

/** What a booking that is over means for the booker (no status is left unexplained). */
const AFTER_WORDS: Record<Exclude<BookingDoc['status'], 'booked'>, string> = {
  checkedIn: '',
  noShow: `没有签到记录。${ROOMS_LIMITS.noShowWindowDays} 天内多次未到场会暂停预约，去不了请提前取消。`,
  cancelled: '这条预约已取消，需要的话可以重新预约。',
  closed: '活动室临时暂停开放，这条预约已自动取消，可以另约时间或别的活动室。',
};

/** `08:00–09:00`. */
export const spanWords = (start: number, end: number) => `${minutesText(start)}–${minutesText(end)}`;

/** 今天 / 明天 / 12月3日 周四. */
export function dateWords(date: string, now: Date): string {
  const today = dateKey(now);
  if (date === today) return '今天';
  if (date === addDays(today, 1)) return '明天';
  return `${dateKeyText(date)} ${WEEKDAY_NAMES[weekdayOf(date)]}`;
}

/** The opening hours of each weekday, Monday first: `周一 08:00–21:00`, `周日 不开放`. */
export function hoursWords(room: Pick<RoomDoc, 'hours'>): string[] {
  return [1, 2, 3, 4, 5, 6, 0].map((d) => {
    const h = room.hours[d];
    return `${WEEKDAY_NAMES[d]} ${h ? spanWords(h.open, h.close) : '不开放'}`;
  });
}

/** What a date is like in the room: `今天 08:00–21:00`, `今天不开放`, `今天暂停开放（维修）`. */
function dayWords(room: RoomDoc, date: string, now: Date): string {
  const day = dateWords(date, now);
  const closure = closedOn(room, date);
  if (closure) return `${day}暂停开放（${closure.reason}）`;
  const h = room.hours[weekdayOf(date)];
  return h ? `${day} ${spanWords(h.open, h.close)}` : `${day}不开放`;
}

const freeView = (s: SlotState): FreeSlotView => ({
  start: s.start,
  text: minutesText(s.start),
  free: s.free,
});

/** A room in a list, with today's free slots still to come. */
export function roomListItem(room: RoomDoc, now: Date, communityId: string | undefined): RoomListItem {
  const today = dateKey(now);
  const free = daySlots(room, today, now).filter((s) => s.free > 0);
  return {
    id: room._id,
    name: room.name,
    kind: room.kind,
    communityName: room.communityName,
    capacity: room.capacity,
    accessible: room.accessible,
    photo: room.photos[0] ?? null,
    todayText: dayWords(room, today, now),
    freeToday: free.slice(0, 4).map(freeView),
    freeCount: free.length,
    mine: room.communityId === communityId,
  };
}

/** One slot on the room's page. */
export function slotView(s: SlotState, capacity: number): SlotView {
  const stateText =
    s.why === 'closed'
      ? '暂停开放'
      : s.why === 'team'
        ? (s.team ?? '团队活动')
        : s.why === 'past'
          ? '已过'
          : s.free <= 0
            ? '已约满'
            : capacity === 1
              ? '可约'
              : `剩 ${s.free} 位`;
  return {
    start: s.start,
    text: spanWords(s.start, s.end),
    free: s.free,
    stateText,
    bookable: !s.why && s.free > 0,
  };
}

/** The dates of the next week people can pick (the page shows seven; booking allows the whole horizon). */
export function dateChoices(room: RoomDoc, now: Date, days = 7): DateChoice[] {
  const today = dateKey(now);
  return Array.from({ length: Math.min(days, ROOMS_LIMITS.horizonDays) }, (_, i) => {
    const date = addDays(today, i);
    const open =
      !closedOn(room, date) && slotStarts(room.hours[weekdayOf(date)] ?? null, room.slotMinutes).length > 0;
    return {
      date,
      label: i === 0 ? '今天' : i === 1 ? '明天' : `${dateKeyText(date)} ${WEEKDAY_NAMES[weekdayOf(date)]}`,
      open,
    };
  });
}

/** A team's weekly slot in words: `每周三 19:00–20:30`. */
export function teamSlotWords(t: Pick<TeamSlot, 'weekday' | 'start' | 'end'>): string {
  return `每${WEEKDAY_NAMES[t.weekday]} ${spanWords(t.start, t.end)}`;
}

/** The coming meetings of an approved team in the booking horizon, with their moves. */
export function comingMeetings(slot: TeamSlot | undefined, now: Date): TeamView['coming'] {
  if (!slot) return [];
  const today = dateKey(now);
  const out: TeamView['coming'] = [];
  for (let i = 0; i < ROOMS_LIMITS.horizonDays; i++) {
    const date = addDays(today, i);
    if (weekdayOf(date) !== slot.weekday || slot.skips.includes(date)) continue;
    const move = slot.moves.find((m) => m.date === date);
    const text = move
      ? `${dateWords(date, now)} 调到 ${dateWords(move.toDate, now)} ${minutesText(move.toStart)}`
      : `${dateWords(date, now)} ${spanWords(slot.start, slot.end)}`;
    out.push({ date, text, moved: !!move });
  }
  return out;
}

const TEAM_STATUS: Record<TeamDoc['status'], string> = {
  pending: '等待社区审批',
  approved: '已批准',
  rejected: '未批准',
};

/** A team as its leader, members and admins see it. */
export function teamView(t: TeamDoc, slot: TeamSlot | undefined, callerId: string, now: Date): TeamView {
  return {
    id: t._id,
    name: t.name,
    roomId: t.roomId,
    roomName: t.roomName,
    leaderName: t.leaderName,
    members: t.members,
    weekday: t.weekday,
    start: t.start,
    end: t.end,
    slotText: teamSlotWords(t),
    status: t.status,
    statusText: TEAM_STATUS[t.status],
    note: t.note ?? '',
    coming: t.status === 'approved' ? comingMeetings(slot, now) : [],
    isLeader: t.leaderId === callerId,
  };
}

/** Today's (or a date's) team meetings in words. */
export function meetingWords(room: Pick<RoomDoc, 'teams'>, date: string): { name: string; text: string }[] {
  return meetingsOn(room.teams, date).map((m) => ({ name: m.name, text: spanWords(m.start, m.end) }));
}

/** Whether a booking can still be checked in at `now`: from a little before its start until its end. */
export function checkInOpen(b: Pick<BookingDoc, 'status' | 'startAt' | 'endAt'>, now: Date): boolean {
  const opens = b.startAt.getTime() - ROOMS_LIMITS.checkInEarlyMinutes * 60_000;
  return b.status === 'booked' && now.getTime() >= opens && now < b.endAt;
}

/** A booking as its booker sees it; the code only while it can still be used. */
export function bookingView(b: BookingDoc, now: Date): BookingView {
  const deadline = new Date(b.startAt.getTime() - b.cancelBeforeMinutes * 60_000);
  const canCancel = b.status === 'booked' && now <= deadline;
  return {
    id: b._id,
    roomId: b.roomId,
    roomName: b.roomName,
    communityName: b.communityName,
    dayText: dateWords(b.date, now),
    timeText: spanWords(b.start, b.end),
    people: b.people,
    purpose: b.purpose,
    code: b.status === 'booked' && now < b.endAt ? b.code : null,
    status: b.status,
    statusText: STATUS_TEXT[b.status],
    canCancel,
    cancelText:
      b.status !== 'booked'
        ? AFTER_WORDS[b.status]
        : canCancel
          ? `${dayClockText(deadline)} 前可取消`
          : '已过取消时间，去不了请告诉活动室管理员',
  };
}

/** A booking on the manager's list: name and number of people, never a phone. */
export function dutyItem(b: BookingDoc, now: Date): DutyItem {
  return {
    id: b._id,
    name: b.name,
    timeText: spanWords(b.start, b.end),
    people: b.people,
    purpose: b.purpose,
    status: b.status,
    statusText: STATUS_TEXT[b.status],
    canCheckIn: checkInOpen(b, now),
  };
}

/** A room's settings for its admins' form (managers with their names; never the counters or holds). */
export function editView(r: RoomDoc): RoomEditView {
  return {
    communityId: r.communityId,
    name: r.name,
    kind: r.kind,
    capacity: r.capacity,
    equipment: r.equipment,
    rules: r.rules,
    accessible: r.accessible,
    accessNote: r.accessNote,
    address: r.address,
    hours: r.hours,
    slotMinutes: r.slotMinutes,
    weeklyLimitMinutes: r.weeklyLimitMinutes,
    cancelBeforeMinutes: r.cancelBeforeMinutes,
    photos: r.photos,
    managers: r.managers,
  };
}

/** Each manager's duty minutes summed, most first: `周德顺 10 小时 35 分`. */
export function dutyByManager(duties: readonly Pick<DutyDoc, 'managerName' | 'minutes'>[]): string[] {
  const sums = new Map<string, number>();
  for (const d of duties) sums.set(d.managerName, (sums.get(d.managerName) ?? 0) + (d.minutes ?? 0));
  return [...sums]
    .filter(([, m]) => m > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, m]) => `${name} ${durationWords(m)}`);
}

/** Minutes as people say them: `2 小时 30 分`, `45 分钟`. */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分`;
}
