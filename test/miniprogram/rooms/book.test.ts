/**
 * 活动室预约 against the real rooms function: a resident picks a date and two consecutive free slots, says what for,
 * books, and sees the code; the room's places are taken. A slot someone else filled meanwhile is refused plainly
 * with the slots drawn again, and nothing is written for the resident.
 */
import { loadPage, input, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { freshKey, makeRoom, setMondayMorning, userId, WANG, ZHANG } from '../../cloud/rooms/helpers';

const ROOM = 'packages/rooms/pages/room/index';

let demo: DemoCloud;
let roomId: string;
beforeAll(async () => {
  demo = await startPageCloud(WANG);
  setMondayMorning(demo);
  roomId = await makeRoom(demo, { capacity: 4, name: '阅览室' });
});
afterAll(() => demo.close());

const bookings = (openid: string) =>
  demo.cloud.store
    .docs('room_bookings')
    .filter((b) => b.roomId === roomId && b.userId === userId(demo, openid));

async function open(openid: string) {
  switchUser(openid);
  const page = await loadPage(ROOM, { id: roomId });
  await waitFor(() => page.data.status === 'ready');
  return page;
}

it('books two consecutive slots of tomorrow and shows the code to give the manager', async () => {
  const page = await open(WANG);
  expect(textOf(page, '#title')).toBe('阅览室');
  await tap(page, '#date-1');
  await waitFor(() => page.data.status === 'ready' && page.data.room?.date === '2026-12-08');
  await tap(page, '#slot-2');
  await tap(page, '#slot-3');
  expect(textOf(page, '#book')).toBe('预约 10:00–12:00');
  await input(page, '#purpose', '和老姐妹看报纸');
  await tap(page, '#book');
  await waitFor(() => page.data.done);
  const [stored] = bookings(WANG);
  expect(stored).toMatchObject({
    date: '2026-12-08',
    start: 600,
    end: 720,
    purpose: '和老姐妹看报纸',
    status: 'booked',
  });
  expect(textOf(page, '#done')).toContain('明天 10:00–12:00');
  expect(textOf(page, '#done-code')).toBe(stored!.code);
  expect(textOf(page, '#slot-2')).toContain('剩 3 位');
});

it('says plainly when the places went to someone else meanwhile, and books nothing', async () => {
  const page = await open(WANG);
  await tap(page, '#date-1');
  await waitFor(() => page.data.status === 'ready' && page.data.room?.date === '2026-12-08');
  await tap(page, '#slot-5');
  await input(page, '#purpose', '读书');
  // Someone else takes all four places of 13:00 before she taps.
  await demo.ok('rooms', ZHANG, 'book', {
    roomId,
    date: '2026-12-08',
    start: 13 * 60,
    people: 4,
    purpose: '读书会',
    idempotencyKey: freshKey(),
  });
  const before = bookings(WANG).length;
  await tap(page, '#book');
  await waitFor(() => page.data.banner);
  expect(textOf(page, '#banner')).toBe('这个时段已经约满了');
  await waitFor(() => textOf(page, '#slot-5').includes('已约满'));
  expect(bookings(WANG)).toHaveLength(before);
});
