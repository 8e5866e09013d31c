/**
 * The rules of booking a room, cancelling, closing it and giving a team its weekly slot, each decided on the room
 * as read and turned into one conditional change of the room document (domain/change.ts). The conditions make
 * the decision safe against everything that happened since the read:
 * - a booking takes places in its slots only while each slot has them left and the booker's week has the minutes
 *   left, and only under the rules (closures, teams) it was decided on (`rulesRev`);
 * - a closure and a team's slot change the rules only on the room exactly as read (`rev`, or the slots still
 *   empty), so a booking that landed in between makes them try again or refuse, never overlap.
 */
import { addDays, dateKey, startOfDate } from '../../../miniprogram/shared/calendar';
import { ROOMS_LIMITS } from '../../../miniprogram/shared/limits';
import type { Closure, Hold, RoomDoc, TeamSlot } from '../documents';
import { addInc, emptyChange, type RoomChange } from './change';
import {
  bookableDates,
  closedOn,
  daySlots,
  meetingsOn,
  minuteOfDay,
  minutesText,
  overlaps,
  parseSlotKey,
  slotKeyOf,
  slotStarts,
  weekdayOf,
  weekKeyOf,
} from './slots';

/** A refusal: the error code and what the person is told. */
export interface Refusal {
  code: 'CONFLICT' | 'LIMIT_REACHED' | 'FORBIDDEN' | 'INVALID_INPUT';
  message: string;
}

/** What a booking asks for. */
export interface BookingRequest {
  date: string;
  start: number;
  /** Consecutive slots. */
  slots: number;
  people: number;
}

/** A booking the rules allow: its change of the room and what it holds. */
export interface BookingPlan {
  change: RoomChange;
  hold: Hold;
  start: number;
  end: number;
  startAt: Date;
  endAt: Date;
}

/** The room as the rules read it. */
export type RoomRules = Pick<
  RoomDoc,
  | 'hours'
  | 'slotMinutes'
  | 'closures'
  | 'teams'
  | 'capacity'
  | 'used'
  | 'mins'
  | 'holds'
  | 'weeklyLimitMinutes'
  | 'cancelBeforeMinutes'
  | 'rulesRev'
  | 'rev'
>;

const refuse = (code: Refusal['code'], message: string): Refusal => ({ code, message });

/** Whether a plan or a refusal is a refusal. */
export function isRefusal<T extends object>(r: T | Refusal): r is Refusal {
  return 'code' in r && 'message' in r;
}

/** `12月16日` of an instant, for people. */
function dayWords(at: Date): string {
  const [, m, d] = dateKey(at).split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** Why a person may not book now (a pause after no-shows), or undefined. */
export function pauseRefusal(pausedUntil: Date | undefined, now: Date): Refusal | undefined {
  if (!pausedUntil || pausedUntil <= now) return undefined;
  return refuse(
    'FORBIDDEN',
    `您近期有 ${ROOMS_LIMITS.noShowThreshold} 次预约未到场，预约暂停到${dayWords(pausedUntil)}。如有特殊情况，请联系社区`,
  );
}

/** The slots a booking covers, or why it cannot (not a slot of the room, outside opening hours). */
function coveredSlots(room: RoomRules, req: BookingRequest): number[] | Refusal {
  const starts = slotStarts(room.hours[weekdayOf(req.date)] ?? null, room.slotMinutes);
  if (starts.length === 0) return refuse('CONFLICT', '这一天活动室不开放');
  const first = starts.indexOf(req.start);
  if (first < 0) return refuse('CONFLICT', `不在开放时间内，请从 ${minutesText(starts[0]!)} 起按时段选择`);
  const wanted = starts.slice(first, first + req.slots);
  if (wanted.length < req.slots) return refuse('CONFLICT', '超出了当天的开放时间，请少选几个时段');
  return wanted;
}

/** Whether the booking's date, time and rules allow it at `now` (no counting yet). */
function ruleRefusal(room: RoomRules, req: BookingRequest, span: { start: number; end: number }, now: Date) {
  if (!bookableDates(now, ROOMS_LIMITS.horizonDays).includes(req.date))
    return refuse('CONFLICT', `只能预约今天起 ${ROOMS_LIMITS.horizonDays} 天内的时段`);
  if (req.date === dateKey(now) && span.start <= minuteOfDay(now))
    return refuse('CONFLICT', '这个时段已经开始了，请选以后的时段');
  const closure = closedOn(room, req.date);
  if (closure) return refuse('CONFLICT', `活动室这天暂停开放（${closure.reason}）`);
  const team = meetingsOn(room.teams, req.date).find((m) => overlaps(m, span));
  if (team) return refuse('CONFLICT', `这个时段是${team.name}的固定活动时间`);
  if (req.people > room.capacity) return refuse('LIMIT_REACHED', `这间活动室最多容纳 ${room.capacity} 人`);
  return undefined;
}

/**
 * Decides a booking by `booker` under id `bookingId` on the room as read: a plan whose change takes the places
 * and the minutes only if they are still there when it is applied, or a refusal.
 */
export function planBooking(
  room: RoomRules,
  booker: { id: string; openid: string },
  bookingId: string,
  req: BookingRequest,
  now: Date,
): BookingPlan | Refusal {
  const starts = coveredSlots(room, req);
  if (isRefusal(starts)) return starts;
  const span = { start: starts[0]!, end: starts[starts.length - 1]! + room.slotMinutes };
  const why = ruleRefusal(room, req, span, now);
  if (why) return why;
  const keys = starts.map((s) => slotKeyOf(req.date, s));
  const full = keys.find((k) => (room.used[k] ?? 0) + req.people > room.capacity);
  if (full) {
    const left = room.capacity - (room.used[full] ?? 0);
    return refuse('LIMIT_REACHED', left > 0 ? `这个时段只剩 ${left} 个位置了` : '这个时段已经约满了');
  }
  const userId = booker.id;
  const week = weekKeyOf(req.date);
  const minutes = span.end - span.start;
  const minsPath = `mins.${week}.${userId}`;
  const usedMins = room.mins[week]?.[userId] ?? 0;
  if (usedMins + minutes > room.weeklyLimitMinutes)
    return refuse(
      'LIMIT_REACHED',
      `每人每周最多预约这间活动室 ${room.weeklyLimitMinutes / 60} 小时，本周还可预约 ${Math.max(0, room.weeklyLimitMinutes - usedMins)} 分钟`,
    );
  const hold: Hold = { s: keys, p: req.people, u: userId, o: booker.openid, w: week, m: minutes };
  const change = emptyChange();
  for (const k of keys) {
    change.atMost.push({ path: `used.${k}`, max: room.capacity - req.people });
    addInc(change, `used.${k}`, req.people);
  }
  change.atMost.push({ path: minsPath, max: room.weeklyLimitMinutes - minutes });
  addInc(change, minsPath, minutes);
  change.equals.rulesRev = room.rulesRev;
  change.absent.push(`holds.${bookingId}`);
  change.set[`holds.${bookingId}`] = hold;
  addInc(change, 'rev', 1);
  return {
    change,
    hold,
    ...span,
    startAt: startOfDate(req.date, span.start),
    endAt: startOfDate(req.date, span.end),
  };
}

/** Gives back what a hold takes (places and minutes) and removes it, into `change`. */
function release(change: RoomChange, bookingId: string, hold: Hold): void {
  for (const k of hold.s) addInc(change, `used.${k}`, -hold.p);
  addInc(change, `mins.${hold.w}.${hold.u}`, -hold.m);
  change.unset.push(`holds.${bookingId}`);
}

/** Cancels a booking by its booker: allowed until the room's deadline before it starts. */
export function planCancel(
  booking: { _id: string; startAt: Date; cancelBeforeMinutes: number },
  hold: Hold,
  now: Date,
): RoomChange | Refusal {
  const bookingId = booking._id;
  const deadline = booking.startAt.getTime() - booking.cancelBeforeMinutes * 60_000;
  if (now.getTime() > deadline)
    return refuse(
      'CONFLICT',
      booking.cancelBeforeMinutes > 0
        ? `开始前 ${Math.round(booking.cancelBeforeMinutes / 6) / 10} 小时内不能取消了，去不了请告诉活动室管理员`
        : '已经开始了，不能取消',
    );
  const change = emptyChange();
  change.present.push(`holds.${bookingId}`);
  release(change, bookingId, hold);
  addInc(change, 'rev', 1);
  return change;
}

/** A closure of whole days: the bookings it cancels (their ids) and the room's change. */
export function planClosure(
  room: RoomRules,
  closure: Closure,
): { change: RoomChange; cancelled: string[]; told: string[] } | Refusal {
  if (room.closures.length >= ROOMS_LIMITS.closuresMax)
    return refuse('LIMIT_REACHED', '暂停开放的记录太多了');
  if (room.closures.some((c) => c.from <= closure.to && closure.from <= c.to))
    return refuse('CONFLICT', '这段日子已经有暂停开放的安排了');
  const inRange = (key: string) => {
    const d = parseSlotKey(key)?.date;
    return d !== undefined && closure.from <= d && d <= closure.to;
  };
  const change = emptyChange();
  const cancelled: string[] = [];
  const told = new Set<string>();
  for (const [id, hold] of Object.entries(room.holds)) {
    if (!hold.s.some(inRange)) continue;
    cancelled.push(id);
    told.add(hold.o);
    addInc(change, `mins.${hold.w}.${hold.u}`, -hold.m);
    change.unset.push(`holds.${id}`);
  }
  for (const key of Object.keys(room.used)) if (inRange(key)) change.unset.push(`used.${key}`);
  change.equals.rev = room.rev;
  change.set.closures = [...room.closures, closure];
  addInc(change, 'rulesRev', 1);
  addInc(change, 'rev', 1);
  return { change, cancelled, told: [...told] };
}

/** Removes a closure (the room opens again those days). */
export function planReopen(room: RoomRules, closureId: string): RoomChange | Refusal {
  if (!room.closures.some((c) => c.id === closureId)) return refuse('CONFLICT', '没有这条暂停开放的安排');
  const change = emptyChange();
  change.equals.rulesRev = room.rulesRev;
  change.set.closures = room.closures.filter((c) => c.id !== closureId);
  addInc(change, 'rulesRev', 1);
  addInc(change, 'rev', 1);
  return change;
}

/** The room's slots a span of a date touches, as `used` paths that must be empty for a team to take them. */
function mustBeEmpty(room: RoomRules, date: string, span: { start: number; end: number }) {
  return slotStarts(room.hours[weekdayOf(date)] ?? null, room.slotMinutes)
    .filter((s) => overlaps({ start: s, end: s + room.slotMinutes }, span))
    .map((s) => ({ path: `used.${slotKeyOf(date, s)}`, max: 0 }));
}

/** Whether a span lies within the opening hours of a weekday. */
function withinHours(room: RoomRules, weekday: number, span: { start: number; end: number }): boolean {
  const h = room.hours[weekday];
  return !!h && span.start >= h.open && span.end <= h.close && span.start < span.end;
}

/**
 * Gives a team its weekly slot: within the opening hours, clear of the other teams, and only while nobody has booked
 * into it on the dates open for booking now (the change requires those slots empty; later dates are refused to
 * bookings by the rules, which this change moves on).
 */
export function planTeamSlot(room: RoomRules, slot: TeamSlot, now: Date): RoomChange | Refusal {
  const span = { start: slot.start, end: slot.end };
  if (!withinHours(room, slot.weekday, span)) return refuse('CONFLICT', '固定时段不在活动室的开放时间内');
  if (room.teams.length >= ROOMS_LIMITS.teamsPerRoomMax)
    return refuse('LIMIT_REACHED', '这间活动室的固定团队已满');
  const clash = room.teams.find(
    (t) => t.teamId !== slot.teamId && t.weekday === slot.weekday && overlaps(t, span),
  );
  if (clash) return refuse('CONFLICT', `这个时段已经是${clash.name}的固定时间`);
  const change = emptyChange();
  for (const date of bookableDates(now, ROOMS_LIMITS.horizonDays)) {
    if (weekdayOf(date) !== slot.weekday) continue;
    const taken = mustBeEmpty(room, date, span);
    const booked = taken.find((c) => (room.used[c.path.slice(5)] ?? 0) > 0);
    if (booked)
      return refuse(
        'CONFLICT',
        `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日这个时段已有居民预约，请换个时段或下周再批`,
      );
    change.atMost.push(...taken);
  }
  change.equals.rulesRev = room.rulesRev;
  change.set.teams = [...room.teams.filter((t) => t.teamId !== slot.teamId), slot];
  addInc(change, 'rulesRev', 1);
  addInc(change, 'rev', 1);
  return change;
}

/** An exception to a team's week: skip one date, or move that date's meeting once. */
export type TeamException =
  { kind: 'skip'; date: string } | { kind: 'move'; date: string; toDate: string; toStart: number };

/** Plans a team's exception: the date must be one of its coming meetings, a move's target free and open. */
export function planException(
  room: RoomRules,
  teamId: string,
  ex: TeamException,
  now: Date,
): RoomChange | Refusal {
  const team = room.teams.find((t) => t.teamId === teamId);
  if (!team) return refuse('CONFLICT', '团队还没有固定时段');
  const today = dateKey(now);
  if (ex.date < today || weekdayOf(ex.date) !== team.weekday || team.skips.includes(ex.date))
    return refuse('CONFLICT', '这一天不是团队的活动日');
  if (team.moves.some((m) => m.date === ex.date)) return refuse('CONFLICT', '这一天的活动已经调整过一次了');
  const change = emptyChange();
  let next: TeamSlot;
  if (ex.kind === 'skip') next = { ...team, skips: [...team.skips, ex.date] };
  else {
    const span = { start: ex.toStart, end: ex.toStart + (team.end - team.start) };
    if (!bookableDates(now, ROOMS_LIMITS.horizonDays).includes(ex.toDate) || ex.toDate < today)
      return refuse('CONFLICT', `只能调到今天起 ${ROOMS_LIMITS.horizonDays} 天内`);
    if (!withinHours(room, weekdayOf(ex.toDate), span))
      return refuse('CONFLICT', '调整后的时间不在开放时间内');
    if (closedOn(room, ex.toDate)) return refuse('CONFLICT', '那天活动室暂停开放');
    const other = meetingsOn(room.teams, ex.toDate).find((m) => m.teamId !== teamId && overlaps(m, span));
    if (other) return refuse('CONFLICT', `那个时段是${other.name}的活动时间`);
    const taken = mustBeEmpty(room, ex.toDate, span);
    if (taken.some((c) => (room.used[c.path.slice(5)] ?? 0) > 0))
      return refuse('CONFLICT', '那个时段已有居民预约，请换个时间');
    change.atMost.push(...taken);
    next = { ...team, moves: [...team.moves, { date: ex.date, toDate: ex.toDate, toStart: ex.toStart }] };
  }
  // Past exceptions are dropped as new ones come, so the list stays short.
  next.skips = next.skips.filter((d) => d >= addDays(today, -7));
  next.moves = next.moves.filter((m) => m.toDate >= addDays(today, -7));
  change.equals.rulesRev = room.rulesRev;
  change.set.teams = room.teams.map((t) => (t.teamId === teamId ? next : t));
  addInc(change, 'rulesRev', 1);
  addInc(change, 'rev', 1);
  return change;
}

/** Removes a team's slot (the team disbands or the admin withdraws it). */
export function planTeamRemoval(room: RoomRules, teamId: string): RoomChange {
  const change = emptyChange();
  change.equals.rulesRev = room.rulesRev;
  change.set.teams = room.teams.filter((t) => t.teamId !== teamId);
  addInc(change, 'rulesRev', 1);
  addInc(change, 'rev', 1);
  return change;
}

/** The slots still free on a date (for "today's free slots" in lists). */
export function freeSlots(room: RoomRules, date: string, now: Date) {
  return daySlots(room, date, now).filter((s) => s.free > 0);
}
