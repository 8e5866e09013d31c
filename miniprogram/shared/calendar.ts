/**
 * The one calendar of 睦邻 Mulin: Beijing time (Asia/Shanghai) for every date, month, weekday, "12月3日", slot and
 * deadline the product computes or shows. The cloud functions (esbuild bundles it into each function) and the mini
 * program (DevTools compiles it; dayjs comes from miniprogram_npm) run this same file. Pure functions of instants:
 * nothing here reads the clock or the device's time zone.
 *
 * How: dayjs with its utc plugin and the zh-cn locale. An instant's Beijing reading is the UTC-mode dayjs of the
 * instant plus eight hours, so only UTC fields are read — the same on a server in UTC, a phone in 北京, or a phone
 * abroad or set to a wrong zone. China has kept UTC+8 without daylight saving since 1991, so the offset is fixed.
 * - Not dayjs's timezone plugin: it needs Intl time-zone data, which WeChat's Android engine does not reliably have
 *   (dayjs #2635: `.tz('Asia/Shanghai')` does not work there; Taro #16078: Android converts with the phone's zone).
 * - Not `dayjs(t).utcOffset(480)`: for a non-zero offset the utc plugin goes through `.local()` and
 *   `getTimezoneOffset()`, i.e. the device's zone, and is an hour off for the hours around a daylight-saving change
 *   of that zone (a phone set to New York reads 2026-03-07T18:00Z as 03:00 in Beijing; it is 02:00).
 * test/domain/calendar.property.test.ts compares every function with `Intl.DateTimeFormat` in Asia/Shanghai (Node
 * has full ICU) for random instants, under several device zones.
 *
 * Keys are for machines (`2026-06-03`, `2026-06`, `2026-06-03/am`, `2026-06-03 14:00`); `…Text` is for people
 * (`6月3日`, `周三`, `2026年6月`, `14:00`).
 */
// `import x = require()`: compiles to a plain require under every compiler that reads this file (DevTools, esbuild,
// swc), with or without esModuleInterop; dayjs and its plugin are CommonJS (`export =`).
import dayjs = require('dayjs');
import utc = require('dayjs/plugin/utc');
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);

/** An instant: a Date, epoch milliseconds, or an ISO 8601 string with its offset (as replies carry them). */
export type Instant = Date | number | string;

/** Beijing's offset from UTC: fixed, no daylight saving since 1991. */
const OFFSET_MS = 8 * 3_600_000;
const LOCALE = 'zh-cn';

const ms = (at: Instant): number =>
  at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);

/** The Beijing wall-clock reading of an instant: a UTC-mode dayjs whose fields are Beijing's. */
function wall(at: Instant): dayjs.Dayjs {
  return dayjs.utc(ms(at) + OFFSET_MS).locale(LOCALE);
}

/** The instant a Beijing wall-clock reading stands for. */
function instantOf(w: dayjs.Dayjs): Date {
  return new Date(w.valueOf() - OFFSET_MS);
}

/** A wall-clock reading of a key, strictly (`2026-02-30` is no date): undefined when it does not exist. */
function wallOfKey(
  key: string,
  pattern: RegExp,
  fields: (m: RegExpExecArray) => [number, number, number, number, number],
): dayjs.Dayjs | undefined {
  const m = pattern.exec(key);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = fields(m);
  const w = dayjs.utc(Date.UTC(y, mo - 1, d, h, mi)).locale(LOCALE);
  return w.year() === y && w.month() === mo - 1 && w.date() === d && w.hour() === h && w.minute() === mi
    ? w
    : undefined;
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const DATE_TIME_KEY = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

const wallOfDate = (date: string) => wallOfKey(date, DATE_KEY, (m) => [+m[1]!, +m[2]!, +m[3]!, 0, 0]);
const wallOfMonth = (month: string) => wallOfKey(month, MONTH_KEY, (m) => [+m[1]!, +m[2]!, 1, 0, 0]);

/** Throws on a key that is not a real date: callers pass keys they made or validated. */
function mustDate(date: string): dayjs.Dayjs {
  const w = wallOfDate(date);
  if (!w) throw new RangeError(`not a date key: ${date}`);
  return w;
}

function mustMonth(month: string): dayjs.Dayjs {
  const w = wallOfMonth(month);
  if (!w) throw new RangeError(`not a month key: ${month}`);
  return w;
}

// ── Keys ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The Beijing date of an instant, `2026-06-03`. */
export function dateKey(at: Instant): string {
  return wall(at).format('YYYY-MM-DD');
}

/** The Beijing month of an instant, `2026-06`. */
export function monthKey(at: Instant): string {
  return wall(at).format('YYYY-MM');
}

/** The Beijing date and minute of an instant, `2026-06-03 14:05` (subscription messages, CSV, pickers). */
export function dateTimeKey(at: Instant): string {
  return wall(at).format('YYYY-MM-DD HH:mm');
}

/** Whether `date` is a real date key `YYYY-MM-DD`. */
export function isDateKey(date: string): boolean {
  return wallOfDate(date) !== undefined;
}

/** The instant of a Beijing `YYYY-MM-DD HH:mm`; undefined when it is not one (or not a real date and time). */
export function parseDateTime(text: string): Date | undefined {
  const w = wallOfKey(text, DATE_TIME_KEY, (m) => [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!]);
  return w ? instantOf(w) : undefined;
}

/** 00:00 Beijing time on `date` (plus `minutes`, e.g. a half day's start). Throws on a key that is no date. */
export function startOfDate(date: string, minutes = 0): Date {
  return instantOf(mustDate(date).add(minutes, 'minute'));
}

/** 00:00 Beijing time on the 1st of `month` (`2026-06`). Throws on a key that is no month. */
export function startOfMonth(month: string): Date {
  return instantOf(mustMonth(month));
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return mustDate(date).add(days, 'day').format('YYYY-MM-DD');
}

/** The month `months` after `month` (negative: before). */
export function addMonths(month: string, months: number): string {
  return mustMonth(month).add(months, 'month').format('YYYY-MM');
}

/** The `count` months ending with the Beijing month of `at`, oldest first. */
export function monthsUpTo(at: Instant, count: number): string[] {
  const last = monthKey(at);
  return Array.from({ length: count }, (_, k) => addMonths(last, k - count + 1));
}

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
export function partsOf(at: Instant): BeijingParts {
  const w = wall(at);
  return {
    year: w.year(),
    month: w.month() + 1,
    day: w.date(),
    weekday: w.day(),
    hour: w.hour(),
    minute: w.minute(),
  };
}

// ── Words (what people read) ──────────────────────────────────────────────────────────────────────────────────

/** Week days as people say them (zh-cn), index 0 = Sunday: 周日 周一 … 周六. */
export const WEEKDAY_NAMES: readonly string[] = Array.from({ length: 7 }, (_, d) =>
  dayjs
    .utc(Date.UTC(2026, 0, 4 + d))
    .locale(LOCALE)
    .format('ddd'),
);

/** 周三 */
export function weekdayText(at: Instant): string {
  return wall(at).format('ddd');
}

/** 6月3日 */
export function dayText(at: Instant): string {
  return wall(at).format('M月D日');
}

/** 2026年6月3日 */
export function fullDayText(at: Instant): string {
  return wall(at).format('YYYY年M月D日');
}

/** 14:05 */
export function clockText(at: Instant): string {
  return wall(at).format('HH:mm');
}

/** 2026年6月3日 14:05 */
export function fullDayClockText(at: Instant): string {
  return wall(at).format('YYYY年M月D日 HH:mm');
}

/** 6月3日 14:05 */
export function dayClockText(at: Instant): string {
  return wall(at).format('M月D日 HH:mm');
}

/** 6月3日 of a date key `2026-06-03`. */
export function dateKeyText(date: string): string {
  return mustDate(date).format('M月D日');
}

/** 2026年6月3日 of a date key `2026-06-03` (certificates and other papers). */
export function fullDateKeyText(date: string): string {
  return mustDate(date).format('YYYY年M月D日');
}

/** `6月3日 周三 14:05` of a picker's `2026-06-03 14:05`; the key itself when it does not parse. */
export function dateTimeKeyText(key: string): string {
  const at = parseDateTime(key);
  return at ? `${dayText(at)} ${weekdayText(at)} ${clockText(at)}` : key;
}

/** 2026年6月 of a month key `2026-06`. */
export function monthText(month: string): string {
  return mustMonth(month).format('YYYY年M月');
}

/** 6月 of a month key `2026-06`. */
export function shortMonthText(month: string): string {
  return mustMonth(month).format('M月');
}

/** `5月1日 周六 09:00–11:30`; the end's date too when it is another day (`5月1日 周六 22:00–5月2日 02:00`). */
export function spanText(start: Instant, end: Instant): string {
  const s = wall(start);
  const e = wall(end);
  const endDay = e.format('YYYY-MM-DD') === s.format('YYYY-MM-DD') ? '' : e.format('M月D日 ');
  return `${s.format('M月D日 ddd HH:mm')}–${endDay}${e.format('HH:mm')}`;
}

// ── Half-day slots (the services calendar) ────────────────────────────────────────────────────────────────────

/** Half days of the service calendar. */
export const PERIODS = ['am', 'pm'] as const;
/** A half day. */
export type Period = (typeof PERIODS)[number];

/** Start and end of each half day, minutes after Beijing midnight, and its name: 上午 08:00–12:00, 下午 13:30–17:30. */
export const PERIOD_HOURS: Readonly<Record<Period, { start: number; end: number; name: string }>> = {
  am: { start: 8 * 60, end: 12 * 60, name: '上午' },
  pm: { start: 13 * 60 + 30, end: 17 * 60 + 30, name: '下午' },
};

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
export function slotKey(date: string, period: Period): string {
  return `${date}/${period}`;
}

/** Parses a slot key; undefined when it is not a real date and half day. */
export function parseSlot(key: string): Slot | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})\/(am|pm)$/.exec(key);
  if (!m || !isDateKey(m[1]!)) return undefined;
  const date = m[1]!;
  const period = m[2] as Period;
  const hours = PERIOD_HOURS[period];
  return { key, date, period, start: startOfDate(date, hours.start), end: startOfDate(date, hours.end) };
}

/** 6月3日 周三 上午 (the key itself when it is no slot). */
export function slotLabel(key: string): string {
  const slot = parseSlot(key);
  return slot ? `${wall(slot.start).format('M月D日 ddd')} ${PERIOD_HOURS[slot.period].name}` : key;
}
