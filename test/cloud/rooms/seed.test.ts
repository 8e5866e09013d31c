/**
 * The rooms demo seed runs through the real functions and leaves rooms in 禄口 and 秣陵 with managers, two teams
 * holding weekly slots and one waiting, a past week of bookings with check-ins and no-shows, a week to come, a
 * closure and a reported broken item — and puts the cloud's clock back. Checked in the whole demo (seed/template.ts).
 */
import { partSummary, startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
let summary: string;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  summary = partSummary(demo, 'rooms');
}, 180_000);
afterAll(() => demo.close());

it('reports what it made and puts the clock back', () => {
  expect(summary).toMatch(
    /^5 rooms, 3 teams \(1 waiting\), \d+ past bookings \(\d+ checked in, 2 no-shows\), \d+ coming, 1 closure, 1 issue$/,
  );
  expect(demo.cloud.clock.offset()).toBe(0);
});

it('gives residents rooms near them, managers their today, admins their board', async () => {
  const near = await demo.ok('rooms', 'demo-resident-wang', 'listRooms', {});
  expect(near.items.map((r) => r.name)).toEqual(expect.arrayContaining(['乒乓球室', '舞蹈室', '阅览室']));
  // Stand-in photos, stored as the admin's own uploads.
  expect(near.items.find((r) => r.name === '乒乓球室')?.photo).toMatch(/^cloud:\/\/[^/]+\/rooms\//);
  const mine = await demo.ok('rooms', 'demo-resident-wang', 'myBookings', {});
  expect(mine.items.length).toBeGreaterThanOrEqual(2);
  expect(mine.items.every((b) => b.code !== null)).toBe(true);
  const duty = await demo.ok('rooms', 'demo-resident-zhou', 'dutyToday', {});
  expect(duty.rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['乒乓球室', '舞蹈室', '阅览室']));
  const board = await demo.ok('rooms', 'demo-admin-moling', 'adminBoard', {});
  const hall = board.rooms.find((r) => r.name === '多功能活动室')!;
  expect(hall.teams).toEqual([{ name: '广场舞队', text: '每周一 19:00–20:30' }]);
  expect(hall.bookings).toBeGreaterThan(10);
  expect(hall.noShowRate).toBeGreaterThan(0);
  expect(board.pendingTeams.map((t) => t.name)).toEqual(['太极拳小组']);
  expect(hall.duty).toEqual([expect.stringMatching(/^钱桂芳 \d+ 小时/)]);
  // Her locked turns are verified volunteering time in her 我的时长.
  const hours = await demo.ok('volunteering', 'demo-resident-qian', 'myHours', { offset: 0 });
  expect(hours.items.map((i) => i.activityTitle)).toEqual(
    expect.arrayContaining(['活动室值守 · 多功能活动室', '活动室值守 · 健身房']),
  );
  expect(hours.items.every((i) => i.verified && i.pendingMinutes === 0)).toBe(true);
  expect(hours.verifiedMinutes).toBeGreaterThan(0);
  const lukou = await demo.ok('rooms', 'demo-admin-lukou', 'adminBoard', {});
  expect(lukou.issues.map((i) => i.roomName)).toEqual(['乒乓球室']);
});
