/**
 * The mini program's side of the one calendar: miniprogram/shared/calendar.ts runs on dayjs from miniprogram_npm
 * (what a phone loads), with the utc plugin and zh-cn locale that scripts/build-miniprogram-npm.ts copies there
 * (WeChat's npm build packs only dayjs's entry file). Resolution here follows the pages' moduleDirectories.
 */
import { join } from 'node:path';
import { dayClockText, slotLabel, weekdayText } from '../../../miniprogram/shared/calendar';

const shared = join(__dirname, '../../../miniprogram/shared');

// Cast: miniprogram-api-typings declares its own `require` (without `resolve`) in the pages tests.
it('loads dayjs, its utc plugin and the zh-cn locale from miniprogram_npm', () => {
  for (const id of ['dayjs', 'dayjs/plugin/utc', 'dayjs/locale/zh-cn'])
    expect((require as unknown as NodeJS.Require).resolve(id, { paths: [shared] })).toContain(
      '/miniprogram/miniprogram_npm/dayjs/',
    );
});

it('words times in Beijing with the zh-cn names', () => {
  expect(weekdayText('2026-06-03T00:00:00.000Z')).toBe('周三');
  expect(dayClockText('2026-06-02T06:05:00.000Z')).toBe('6月2日 14:05');
  expect(slotLabel('2026-06-07/pm')).toBe('6月7日 周日 下午');
});
