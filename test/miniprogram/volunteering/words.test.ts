/** The volunteering pages' wording helpers: Beijing times (the one calendar), hours, distances, codes. */
import {
  activityIdOfCode,
  distanceWords,
  hoursWords,
} from '../../../miniprogram/packages/volunteering/lib/words';
import { clockText, dateTimeKey, dayClockText, parseDateTime } from '../../../miniprogram/shared/calendar';

it('reads and writes times in Beijing time whatever the phone is set to', () => {
  const at = parseDateTime('2026-05-01 09:30')!;
  expect(at.toISOString()).toBe('2026-05-01T01:30:00.000Z');
  expect(dateTimeKey(at)).toBe('2026-05-01 09:30');
  expect(clockText('2026-04-30T23:05:00.000Z')).toBe('07:05');
  expect(dayClockText('2026-04-30T23:05:00.000Z')).toBe('5月1日 07:05');
  expect(parseDateTime('2026-5-1 9:30')).toBeUndefined();
});

it('says hours and distances as people do', () => {
  expect(hoursWords(40)).toBe('40 分钟');
  expect(hoursWords(150)).toBe('2.5 小时');
  expect(distanceWords(350)).toBe('350 米');
  expect(distanceWords(1234)).toBe('1.2 公里');
});

it('finds the activity in a scanned check-in code, and nothing in other codes', () => {
  expect(activityIdOfCode('MLV1.abc123.k2x1.AAAAAAAAAAAAAAAA')).toBe('abc123');
  expect(activityIdOfCode('https://example.com')).toBeUndefined();
});
