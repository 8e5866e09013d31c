/**
 * Beijing wall-clock time (UTC+8, no daylight saving), which is what volunteers, organizers and the service
 * record mean by "Saturday morning" or "2026-05-01". Functions run in UTC, so every local reading goes through here.
 */

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Weekday (0 = Sunday … 6 = Saturday), hour and minute in Beijing. */
export interface BeijingParts {
  weekday: number;
  hour: number;
  minute: number;
  /** YYYY-MM-DD */
  date: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Beijing calendar reading of an instant. */
export function beijing(at: Date): BeijingParts {
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return {
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
  };
}

/** `YYYY-MM-DD HH:mm` in Beijing time (subscription message `time` fields, CSV, certificates). */
export function beijingDateTime(at: Date): string {
  const p = beijing(at);
  return `${p.date} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Part of the day a volunteer can say they are free in. */
export type DaySlot = 'morning' | 'afternoon' | 'evening';

/** The slot an instant falls in (Beijing): before noon, noon to 18:00, after 18:00. */
export function daySlot(at: Date): DaySlot {
  const { hour } = beijing(at);
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}
