/**
 * The services rules on the one calendar (miniprogram/shared/calendar.ts, where Beijing dates, months, half-day
 * slots `2026-06-02/am` and their labels live): which slots can be booked at a moment, and which are past.
 */
import { addDays, dateKey, parseSlot, PERIODS, slotKey } from '../../../miniprogram/shared/calendar';
import { SERVICES_LIMITS } from '../contract';

/** Why a slot cannot be booked at `now`, or undefined when it can. */
export function unbookableReason(key: string, now: Date): string | undefined {
  const slot = parseSlot(key);
  if (!slot) return '没有这个时段';
  if (slot.start.getTime() - now.getTime() < SERVICES_LIMITS.leadMinutes * 60_000)
    return '这个时段已经来不及预约了，请选择更晚的时间';
  const lastDay = addDays(dateKey(now), SERVICES_LIMITS.bookingDays - 1);
  if (slot.date > lastDay) return `只能预约 ${SERVICES_LIMITS.bookingDays} 天以内的服务`;
  return undefined;
}

/** The slots that can be booked at `now`, soonest first. */
export function bookableSlots(now: Date): string[] {
  const today = dateKey(now);
  const keys: string[] = [];
  for (let day = 0; day < SERVICES_LIMITS.bookingDays; day++) {
    for (const period of PERIODS) {
      const key = slotKey(addDays(today, day), period);
      if (!unbookableReason(key, now)) keys.push(key);
    }
  }
  return keys;
}

/** Whether a slot key lies before the Beijing date of `now` (its counters can be dropped). */
export function isPastSlot(key: string, now: Date): boolean {
  return key.slice(0, 10) < dateKey(now);
}
