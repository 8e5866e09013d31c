/**
 * The service calendar: Beijing half days (上午 08:00–12:00, 下午 13:30–17:30) keyed `2026-06-02/am`, and months
 * `2026-06` for vouchers. Functions run in UTC; residents live in UTC+8 (no daylight saving), so Beijing dates
 * are computed by shifting eight hours.
 */
import { PERIODS, SERVICES_LIMITS, type Period } from '../contract';

const BEIJING_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Start and end of each period, minutes after Beijing midnight. */
export const PERIOD_HOURS: Readonly<Record<Period, { start: number; end: number; name: string }>> = {
  am: { start: 8 * 60, end: 12 * 60, name: '上午' },
  pm: { start: 13 * 60 + 30, end: 17 * 60 + 30, name: '下午' },
};

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** A parsed slot. */
export interface Slot {
  key: string;
  date: string;
  period: Period;
  start: Date;
  end: Date;
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

/** The Beijing month (YYYY-MM) of an instant. */
export function beijingMonth(at: Date): string {
  return beijingDate(at).slice(0, 7);
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Parses a slot key; undefined when it is not a real date and period. */
export function parseSlot(key: string): Slot | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})\/(am|pm)$/.exec(key);
  if (!m) return undefined;
  const [, date, period] = m as unknown as [string, string, Period];
  const midnight = Date.parse(`${date}T00:00:00+08:00`);
  if (!Number.isFinite(midnight) || new Date(midnight + BEIJING_MS).toISOString().slice(0, 10) !== date)
    return undefined;
  const hours = PERIOD_HOURS[period];
  return {
    key,
    date,
    period,
    start: new Date(midnight + hours.start * 60_000),
    end: new Date(midnight + hours.end * 60_000),
  };
}

/** 6月2日 周二 上午 */
export function slotLabel(key: string): string {
  const slot = parseSlot(key);
  if (!slot) return key;
  const [, m, d] = slot.date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(`${slot.date}T00:00:00Z`).getUTCDay()];
  return `${m}月${d}日 ${weekday} ${PERIOD_HOURS[slot.period].name}`;
}

/** 6月7日 06:00: an instant as Beijing date and clock time. */
export function beijingDateTimeText(at: Date): string {
  const [date, clock] = new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 16).split('T') as [
    string,
    string,
  ];
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日 ${clock}`;
}

/** Why a slot cannot be booked at `now`, or undefined when it can. */
export function unbookableReason(key: string, now: Date): string | undefined {
  const slot = parseSlot(key);
  if (!slot) return '没有这个时段';
  if (slot.start.getTime() - now.getTime() < SERVICES_LIMITS.leadMinutes * 60_000)
    return '这个时段已经来不及预约了，请选择更晚的时间';
  const lastDay = beijingDate(new Date(now.getTime() + (SERVICES_LIMITS.bookingDays - 1) * DAY_MS));
  if (slot.date > lastDay) return `只能预约 ${SERVICES_LIMITS.bookingDays} 天以内的服务`;
  return undefined;
}

/** The slots that can be booked at `now`, soonest first. */
export function bookableSlots(now: Date): string[] {
  const keys: string[] = [];
  for (let day = 0; day < SERVICES_LIMITS.bookingDays; day++) {
    const date = beijingDate(new Date(now.getTime() + day * DAY_MS));
    for (const period of PERIODS) {
      const key = `${date}/${period}`;
      if (!unbookableReason(key, now)) keys.push(key);
    }
  }
  return keys;
}

/** Whether a slot key lies before the Beijing date of `now` (its counters can be dropped). */
export function isPastSlot(key: string, now: Date): boolean {
  return key.slice(0, 10) < beijingDate(now);
}
