import 'dayjs/locale/zh-cn';
/** An instant: a Date, epoch milliseconds, or an ISO 8601 string with its offset (as replies carry them). */
export type Instant = Date | number | string;
/** The Beijing date of an instant, `2026-06-03`. */
export declare function dateKey(at: Instant): string;
/** The Beijing month of an instant, `2026-06`. */
export declare function monthKey(at: Instant): string;
/** The Beijing date and minute of an instant, `2026-06-03 14:05` (subscription messages, CSV, pickers). */
export declare function dateTimeKey(at: Instant): string;
/** Whether `date` is a real date key `YYYY-MM-DD`. */
export declare function isDateKey(date: string): boolean;
/** The instant of a Beijing `YYYY-MM-DD HH:mm`; undefined when it is not one (or not a real date and time). */
export declare function parseDateTime(text: string): Date | undefined;
/** 00:00 Beijing time on `date` (plus `minutes`, e.g. a half day's start). Throws on a key that is no date. */
export declare function startOfDate(date: string, minutes?: number): Date;
/** 00:00 Beijing time on the 1st of `month` (`2026-06`). Throws on a key that is no month. */
export declare function startOfMonth(month: string): Date;
/** The date `days` after `date` (negative: before). */
export declare function addDays(date: string, days: number): string;
/** The month `months` after `month` (negative: before). */
export declare function addMonths(month: string, months: number): string;
/** The `count` months ending with the Beijing month of `at`, oldest first. */
export declare function monthsUpTo(at: Instant, count: number): string[];
/** The Beijing calendar reading of an instant. `weekday`: 0 = Sunday … 6 = Saturday; `month` 1–12. */
export interface BeijingParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}
/** The Beijing calendar reading of an instant. */
export declare function partsOf(at: Instant): BeijingParts;
/** Week days as people say them (zh-cn), index 0 = Sunday: 周日 周一 … 周六. */
export declare const WEEKDAY_NAMES: readonly string[];
/** 周三 */
export declare function weekdayText(at: Instant): string;
/** 6月3日 */
export declare function dayText(at: Instant): string;
/** 2026年6月3日 */
export declare function fullDayText(at: Instant): string;
/** 14:05 */
export declare function clockText(at: Instant): string;
/** 6月3日 14:05 */
export declare function dayClockText(at: Instant): string;
/** 6月3日 of a date key `2026-06-03`. */
export declare function dateKeyText(date: string): string;
/** 2026年6月 of a month key `2026-06`. */
export declare function monthText(month: string): string;
/** 6月 of a month key `2026-06`. */
export declare function shortMonthText(month: string): string;
/** `5月1日 周六 09:00–11:30`; the end's date too when it is another day (`5月1日 周六 22:00–5月2日 02:00`). */
export declare function spanText(start: Instant, end: Instant): string;
/** Half days of the service calendar. */
export declare const PERIODS: readonly ['am', 'pm'];
/** A half day. */
export type Period = (typeof PERIODS)[number];
/** Start and end of each half day, minutes after Beijing midnight, and its name: 上午 08:00–12:00, 下午 13:30–17:30. */
export declare const PERIOD_HOURS: Readonly<
  Record<
    Period,
    {
      start: number;
      end: number;
      name: string;
    }
  >
>;
/** A parsed slot key. */
export interface Slot {
  /** `2026-06-03/am` */
  key: string;
  /** `2026-06-03` */
  date: string;
  period: Period;
  start: Date;
  end: Date;
}
/** The slot key of a date and half day, `2026-06-03/am`. */
export declare function slotKey(date: string, period: Period): string;
/** Parses a slot key; undefined when it is not a real date and half day. */
export declare function parseSlot(key: string): Slot | undefined;
/** 6月3日 周三 上午 (the key itself when it is no slot). */
export declare function slotLabel(key: string): string;
//# sourceMappingURL=calendar.d.ts.map
