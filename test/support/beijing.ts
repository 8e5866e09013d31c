/** Beijing wall-clock times in tests, read through the one calendar (miniprogram/shared/calendar.ts). */
import { startOfDate } from '../../miniprogram/shared/calendar';

/** `2026-06-01T09:00` or `2026-06-01T09:00:30`, Beijing time, as an instant. */
export function beijing(wall: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw new Error(`not a Beijing wall-clock time: ${wall}`);
  return new Date(startOfDate(m[1]!, Number(m[2]) * 60 + Number(m[3])).getTime() + Number(m[4] ?? 0) * 1000);
}
