/**
 * A room's slots in Beijing time: which exist on a date (opening hours of that weekday, the slot length), which are
 * closed (a closure) or held by a team (its weekly slot, its skips and moves), and how many places each has left.
 */
import { addDays, dateKey, isDateKey, partsOf, startOfDate } from '../../../miniprogram/shared/calendar';
import type { DayHours, RoomDoc, TeamSlot } from '../documents';

/** The key of the slot starting `start` minutes after midnight on `date`: `s20261203_480`. */
export function slotKeyOf(date: string, start: number): string {
  return `s${date.replace(/-/g, '')}_${start}`;
}

/** The date and start of a slot key (undefined when it is none). */
export function parseSlotKey(key: string): { date: string; start: number } | undefined {
  const m = /^s(\d{4})(\d{2})(\d{2})_(\d{1,4})$/.exec(key);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return isDateKey(date) ? { date, start: Number(m[4]) } : undefined;
}

/** Day of the week of a date key (0 = Sunday). */
export function weekdayOf(date: string): number {
  return partsOf(startOfDate(date)).weekday;
}

/** The Monday of the week a date is in, as the week's key `w20261130` (weeks run Monday to Sunday). */
export function weekKeyOf(date: string): string {
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
  return `w${monday.replace(/-/g, '')}`;
}

/** Minutes after Beijing midnight of an instant. */
export function minuteOfDay(at: Date): number {
  const p = partsOf(at);
  return p.hour * 60 + p.minute;
}

/** `08:00` for 480. */
export function minutesText(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The starts of the slots a day's hours hold: from opening, one slot length at a time, each ending by closing. */
export function slotStarts(hours: DayHours, slotMinutes: number): number[] {
  if (!hours) return [];
  const starts: number[] = [];
  for (let s = hours.open; s + slotMinutes <= hours.close; s += slotMinutes) starts.push(s);
  return starts;
}

/** Whether a date falls in one of the room's closures. */
export function closedOn(
  room: Pick<RoomDoc, 'closures'>,
  date: string,
): RoomDoc['closures'][number] | undefined {
  return room.closures.find((c) => c.from <= date && date <= c.to);
}

/** A team's meeting on a date: the team and its span, minutes after midnight. */
export interface Meeting {
  teamId: string;
  name: string;
  start: number;
  end: number;
}

/** The meetings of the room's teams on a date (weekly slots not skipped or moved away, and moves onto it). */
export function meetingsOn(teams: readonly TeamSlot[], date: string): Meeting[] {
  const weekday = weekdayOf(date);
  const out: Meeting[] = [];
  for (const t of teams) {
    const len = t.end - t.start;
    const movedAway = t.moves.some((m) => m.date === date);
    if (t.weekday === weekday && !t.skips.includes(date) && !movedAway)
      out.push({ teamId: t.teamId, name: t.name, start: t.start, end: t.end });
    for (const m of t.moves)
      if (m.toDate === date)
        out.push({ teamId: t.teamId, name: t.name, start: m.toStart, end: m.toStart + len });
  }
  return out;
}

/** Whether two spans of minutes overlap. */
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** One slot of a day as people see it. */
export interface SlotState {
  key: string;
  start: number;
  end: number;
  /** Places left (0 when closed, held by a team or past). */
  free: number;
  /** Why it cannot be booked, if it cannot: a team's name, 已过, 闭馆. */
  why?: 'past' | 'closed' | 'team';
  team?: string;
}

/** The slots of a room on a date, with what is left of each at `now`. */
export function daySlots(
  room: Pick<RoomDoc, 'hours' | 'slotMinutes' | 'closures' | 'teams' | 'capacity' | 'used'>,
  date: string,
  now: Date,
): SlotState[] {
  const starts = slotStarts(room.hours[weekdayOf(date)] ?? null, room.slotMinutes);
  const closed = closedOn(room, date) !== undefined;
  const meetings = meetingsOn(room.teams, date);
  const today = dateKey(now);
  const nowMin = minuteOfDay(now);
  return starts.map((start) => {
    const end = start + room.slotMinutes;
    const key = slotKeyOf(date, start);
    const team = meetings.find((m) => overlaps(m, { start, end }));
    const past = date < today || (date === today && start <= nowMin);
    const why = closed ? 'closed' : team ? 'team' : past ? 'past' : undefined;
    const free = why ? 0 : Math.max(0, room.capacity - (room.used[key] ?? 0));
    return { key, start, end, free, ...(why ? { why } : {}), ...(team ? { team: team.name } : {}) };
  });
}

/** The dates people can book at `now`: today and the next `horizonDays - 1`. */
export function bookableDates(now: Date, horizonDays: number): string[] {
  const today = dateKey(now);
  return Array.from({ length: horizonDays }, (_, i) => addDays(today, i));
}

/** `14:05` of an instant, Beijing time. */
export function clockTextOf(at: Date): string {
  return minutesText(minuteOfDay(at));
}
