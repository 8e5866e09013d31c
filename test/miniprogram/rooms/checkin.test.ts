/**
 * 今日值守 against the real rooms function: the room's manager opens the room, sees today's bookers by name and
 * how many come (no phones), checks one in by the code on her phone and an elder without a phone by name; a wrong
 * code is refused plainly; a resident who manages no room is told so.
 */
import { loadPage, input, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { beijing } from '../../support/beijing';
import {
  CHEN,
  freshKey,
  LUKOU_ADMIN,
  makeRoom,
  MONDAY,
  setMondayMorning,
  userId,
  WANG,
  ZHANG,
} from '../../cloud/rooms/helpers';

const DUTY = 'packages/rooms/pages/duty/index';

let demo: DemoCloud;
let roomId: string;
const codes: Record<string, string> = {};
beforeAll(async () => {
  demo = await startPageCloud(ZHANG);
  setMondayMorning(demo);
  roomId = await makeRoom(demo, { name: '乒乓球室' });
  await demo.ok('rooms', LUKOU_ADMIN, 'setManagers', { roomId, managerIds: [userId(demo, ZHANG)] });
  for (const [who, people] of [
    [CHEN, 2],
    [WANG, 1],
  ] as const) {
    const b = await demo.ok('rooms', who, 'book', {
      roomId,
      date: MONDAY,
      start: 9 * 60,
      people,
      purpose: '打球',
      idempotencyKey: freshKey(),
    });
    codes[who] = b.code!;
  }
  demo.cloud.clock.set(beijing(`${MONDAY}T08:50`));
});
afterAll(() => demo.close());

const booking = (openid: string) =>
  demo.cloud.store.docs('room_bookings').find((b) => b.userId === userId(demo, openid))!;

it('opens the room, checks in by code and by name, and refuses a wrong code', async () => {
  switchUser(ZHANG);
  const page = await loadPage(DUTY);
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#counts')).toBe('今天 2 个预约 · 3 人 · 已签到 0');
  expect(textOf(page, '#item-0')).toContain('陈芳');
  expect(page.dom?.innerHTML).not.toMatch(/1385170010\d/);

  await tap(page, '#door');
  await waitFor(() => textOf(page, '#result').includes('开门'));
  expect(textOf(page, '#open-text')).toContain('开门');

  await input(page, '#code', '000000');
  await tap(page, '#check-code');
  await waitFor(() => page.data.banner);
  expect(textOf(page, '#banner')).toContain('没有这个预约码');

  await input(page, '#code', codes[CHEN]!);
  await tap(page, '#check-code');
  await waitFor(() => page.data.result.includes('签到成功'));
  expect(textOf(page, '#result')).toBe('陈芳 09:00–10:00 2 人，签到成功');
  expect(booking(CHEN)).toMatchObject({ status: 'checkedIn', checkedInHow: 'code' });

  await waitFor(() => textOf(page, '#counts').endsWith('已签到 1'));
  const wangRow = page.data.duty!.items.findIndex((i: { name: string }) => i.name === '王秀英');
  await tap(page, `#check-${wangRow}`);
  await waitFor(() => page.data.result.startsWith('王秀英'));
  expect(booking(WANG)).toMatchObject({ status: 'checkedIn', checkedInHow: 'name' });
  await waitFor(() => textOf(page, '#counts').endsWith('已签到 2'));
});

it('tells a resident who manages no room, and shows them nothing of the room', async () => {
  switchUser(WANG);
  const page = await loadPage(DUTY);
  await waitFor(() => page.data.status === 'error');
  expect(page.data.error).toMatchObject({ kind: 'refused' });
  expect(page.dom?.textContent).toContain('您还不是活动室的管理员');
});
