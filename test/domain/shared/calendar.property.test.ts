/**
 * The one calendar (miniprogram/shared/calendar.ts) agrees with Intl in Asia/Shanghai for random instants — in this
 * process and on devices set to other zones (a phone abroad, or set wrongly), each run as a child process because
 * a jest test cannot change its own process's zone. Also the fixed examples people see, and refusals.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  addDays,
  addMonths,
  isDateKey,
  parseDateTime,
  parseSlot,
  slotLabel,
  spanText,
  startOfDate,
  WEEKDAY_NAMES,
} from '../../../miniprogram/shared/calendar';
import { checkAgainstIntl } from './calendar-vs-intl';

const script = join(__dirname, 'calendar-vs-intl.ts');

it('reads every instant as Intl does in Asia/Shanghai (this process)', () => {
  checkAgainstIntl();
});

describe.each([
  // zone, device offsets in January and July (minutes behind UTC)
  ['Asia/Shanghai', [-480, -480]],
  ['America/New_York', [300, 240]],
  ['Europe/London', [0, -60]],
  ['Pacific/Chatham', [-825, -765]],
])('on a device set to %s', (zone, offsets) => {
  it('reads every instant as Intl does in Asia/Shanghai, where dayjs utcOffset(480) may not', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      deviceOffsetMinutes: number[];
      failure?: string;
      probe: { calendar: string; intl: string; utcOffset480: string };
    };
    expect(out.deviceOffsetMinutes).toEqual(offsets); // the zone really was the device's
    expect(out.failure).toBeUndefined();
    expect(out.probe.calendar).toBe(out.probe.intl);
    // Why the module does not use utcOffset(480): on a New York phone it is an hour off before the DST change.
    if (zone === 'America/New_York') expect(out.probe.utcOffset480).not.toBe(out.probe.intl);
  });
});

describe('fixed examples', () => {
  it('words elders read', () => {
    expect(WEEKDAY_NAMES).toEqual(['周日', '周一', '周二', '周三', '周四', '周五', '周六']);
    expect(slotLabel('2026-06-02/am')).toBe('6月2日 周二 上午');
    expect(spanText('2026-05-01T01:00:00.000Z', '2026-05-01T03:30:00.000Z')).toBe('5月1日 周五 09:00–11:30');
    expect(spanText('2026-05-01T14:00:00.000Z', '2026-05-01T18:00:00.000Z')).toBe(
      '5月1日 周五 22:00–5月2日 02:00',
    );
  });

  it('keys refuse what is no date', () => {
    expect(isDateKey('2026-02-29')).toBe(false);
    expect(isDateKey('2028-02-29')).toBe(true);
    expect(isDateKey('2026-6-1')).toBe(false);
    expect(parseSlot('2026-02-30/am')).toBeUndefined();
    expect(parseSlot('2026-06-02/eve')).toBeUndefined();
    expect(slotLabel('someday/am')).toBe('someday/am');
    expect(parseDateTime('2026-05-01 24:00')).toBeUndefined();
    expect(parseDateTime('2026-5-1 9:30')).toBeUndefined();
    expect(() => startOfDate('2026-13-01')).toThrow(RangeError);
    expect(() => addMonths('2026-00', 1)).toThrow(RangeError);
  });

  it('steps across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
  });
});
