/**
 * The calendar (miniprogram/shared/calendar.ts) against `Intl.DateTimeFormat` in Asia/Shanghai, for random instants
 * from 1992 (China's last daylight saving was 1991) to 2100, with extra weight on the minutes around Beijing
 * midnight. Used in process by calendar.property.test.ts, and run as a script under other device zones:
 * `TZ=America/New_York node --import tsx test/domain/shared/calendar-vs-intl.ts` prints one JSON line.
 */
import fc from 'fast-check';
import dayjs = require('dayjs');
import utc = require('dayjs/plugin/utc');
import {
  addDays,
  addMonths,
  clockText,
  dateKey,
  dateKeyText,
  dateTimeKey,
  dayClockText,
  dayText,
  fullDayClockText,
  fullDayText,
  monthKey,
  monthText,
  monthsUpTo,
  parseDateTime,
  parseSlot,
  partsOf,
  shortMonthText,
  slotLabel,
  spanText,
  startOfDate,
  startOfMonth,
  weekdayText,
  WEEKDAY_NAMES,
} from '../../../miniprogram/shared/calendar';

dayjs.extend(utc);

const DAY = 86_400_000;
const FROM = Date.UTC(1992, 0, 1);
const TO = Date.UTC(2100, 0, 1);
const SHANGHAI = 'Asia/Shanghai';

const numeric = new Intl.DateTimeFormat('en-US', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  weekday: 'short',
  hourCycle: 'h23',
});
const zhWeekday = new Intl.DateTimeFormat('zh-CN', { timeZone: SHANGHAI, weekday: 'short' });
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Intl's reading of an instant in Asia/Shanghai. */
export function intl(t: number) {
  const p = Object.fromEntries(numeric.formatToParts(t).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    weekday: EN_WEEKDAYS.indexOf(p.weekday!),
    zhWeekday: zhWeekday.format(t),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Any instant of the range, and instants within two minutes of a Beijing midnight (where dates change). */
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.integer({ min: 0, max: (TO - FROM) / DAY }), fc.integer({ min: -120_000, max: 120_000 }))
    .map(([d, delta]) => FROM - 8 * 3_600_000 + d * DAY + delta),
);

/** Runs every property; throws with fast-check's counterexample on the first difference. */
export function checkAgainstIntl(numRuns = 2000): void {
  fc.assert(
    fc.property(instant, (t) => {
      const i = intl(t);
      const date = `${i.year}-${pad(i.month)}-${pad(i.day)}`;
      const same = (a: unknown, b: unknown, what: string) => {
        if (a !== b)
          throw new Error(`${what} of ${new Date(t).toISOString()}: ${String(a)}, Intl ${String(b)}`);
      };
      // The three ways an instant arrives read the same.
      for (const at of [t, new Date(t), new Date(t).toISOString()])
        same(dateTimeKey(at), `${date} ${pad(i.hour)}:${pad(i.minute)}`, 'dateTimeKey');
      same(dateKey(t), date, 'dateKey');
      same(monthKey(t), date.slice(0, 7), 'monthKey');
      same(
        JSON.stringify(partsOf(t)),
        JSON.stringify({
          year: i.year,
          month: i.month,
          day: i.day,
          weekday: i.weekday,
          hour: i.hour,
          minute: i.minute,
        }),
        'partsOf',
      );
      same(weekdayText(t), i.zhWeekday, 'weekdayText');
      same(WEEKDAY_NAMES[i.weekday], i.zhWeekday, 'WEEKDAY_NAMES');
      same(dayText(t), `${i.month}月${i.day}日`, 'dayText');
      same(fullDayText(t), `${i.year}年${i.month}月${i.day}日`, 'fullDayText');
      same(clockText(t), `${pad(i.hour)}:${pad(i.minute)}`, 'clockText');
      same(dayClockText(t), `${i.month}月${i.day}日 ${pad(i.hour)}:${pad(i.minute)}`, 'dayClockText');
      same(
        fullDayClockText(t),
        `${i.year}年${i.month}月${i.day}日 ${pad(i.hour)}:${pad(i.minute)}`,
        'fullDayClockText',
      );
      same(dateKeyText(date), `${i.month}月${i.day}日`, 'dateKeyText');
      same(monthText(date.slice(0, 7)), `${i.year}年${i.month}月`, 'monthText');
      same(shortMonthText(date.slice(0, 7)), `${i.month}月`, 'shortMonthText');

      // Back from keys to instants: the minute, the day's start and the month's start.
      same(parseDateTime(dateTimeKey(t))?.getTime(), t - (((t % 60_000) + 60_000) % 60_000), 'parseDateTime');
      const start = startOfDate(date).getTime();
      same(start <= t && t < start + DAY, true, 'startOfDate bounds');
      same(JSON.stringify(intl(start)), JSON.stringify({ ...i, hour: 0, minute: 0 }), 'startOfDate');
      const first = intl(startOfMonth(date.slice(0, 7)).getTime());
      same(
        `${first.year}-${first.month}-${first.day} ${first.hour}:${first.minute}`,
        `${i.year}-${i.month}-1 0:0`,
        'startOfMonth',
      );

      // Calendar arithmetic: a Beijing day is always 24 hours long, and months step by one.
      const n = (t % 97) - 48;
      same(addDays(date, n), dateKey(start + n * DAY), 'addDays');
      const months = i.year * 12 + i.month - 1 + n;
      same(
        addMonths(date.slice(0, 7), n),
        `${Math.floor(months / 12)}-${pad((months % 12) + 1)}`,
        'addMonths',
      );
      const last = monthsUpTo(t, 3);
      same(
        last.join(),
        [addMonths(date.slice(0, 7), -2), addMonths(date.slice(0, 7), -1), date.slice(0, 7)].join(),
        'monthsUpTo',
      );

      // Slots and spans as people read them.
      const am = parseSlot(`${date}/am`)!;
      same(
        JSON.stringify(intl(am.start.getTime())),
        JSON.stringify({ ...i, hour: 8, minute: 0 }),
        'slot start',
      );
      same(slotLabel(`${date}/pm`), `${i.month}月${i.day}日 ${i.zhWeekday} 下午`, 'slotLabel');
      same(
        spanText(t, t + 90 * 60_000).startsWith(
          `${i.month}月${i.day}日 ${i.zhWeekday} ${pad(i.hour)}:${pad(i.minute)}–`,
        ),
        true,
        'spanText',
      );
    }),
    { numRuns },
  );
}

/** What dayjs's own `utcOffset(480)` reads at an instant, for comparison (it goes through the device's zone). */
export function dayjsUtcOffsetClock(t: number): string {
  return dayjs(t).utcOffset(480).format('HH:mm');
}

if (require.main === module) {
  const probe = Date.UTC(2026, 2, 7, 18, 0); // New York's daylight saving starts 8 hours later
  let failure: string | undefined;
  try {
    checkAgainstIntl();
  } catch (err) {
    failure = (err as Error).message;
  }
  console.log(
    JSON.stringify({
      zone: process.env.TZ,
      deviceOffsetMinutes: [
        new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
        new Date(Date.UTC(2026, 6, 15)).getTimezoneOffset(),
      ],
      failure,
      probe: {
        calendar: clockText(probe),
        intl: `${pad(intl(probe).hour)}:${pad(intl(probe).minute)}`,
        utcOffset480: dayjsUtcOffsetClock(probe),
      },
    }),
  );
}
