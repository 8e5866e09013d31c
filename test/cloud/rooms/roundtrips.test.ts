/**
 * Every rooms action within the budget of 3 database round trips (DESIGN.md), measured by the local cloud per
 * invocation, on the whole demo community (seed/rooms.ts): one row per action, as the person who may do it, each
 * succeeding (so the measure is of the real path, not of an early refusal).
 */
import type { LazyCall } from '../../support/demo';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { addDays, dateKey, partsOf, startOfDate } from '../../../miniprogram/shared/calendar';
import { demoRoomId } from '../../../seed/rooms';
import { roomsInputs, type RoomsAction } from '../../../cloudfunctions/rooms/contract';
import { freshKey } from './helpers';

let demo: DemoCloud;
/** A booking of tomorrow 14:00 that the manager checks in (that row moves the clock to just before it). */
let toCheckIn: { id: string; date: string };
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  const date = day(1);
  const b = await demo.ok('rooms', 'demo-resident-li', 'book', {
    roomId: room('乒乓球室'),
    date,
    start: 14 * 60,
    purpose: '练球',
    idempotencyKey: freshKey(),
  });
  toCheckIn = { id: b.id, date };
}, 180_000);
afterAll(() => demo.close());

const room = (name: string) => demoRoomId(demo.cloud, name);
const day = (n: number) => addDays(dateKey(demo.cloud.clock.now()), n);
const first = (coll: string, where: (d: Record<string, unknown>) => boolean) =>
  String(demo.cloud.store.docs(coll).find(where)!._id);
const zhangsBooking = () =>
  first('room_bookings', (b) => b.openid === 'demo-resident-zhang' && b.status === 'booked');
const waitingTeam = () => first('room_teams', (t) => t.status === 'pending');
const poems = () => first('room_teams', (t) => t.name === '诗词小组');
/** The first Wednesday after today (the 诗词小组 meets on Wednesdays). */
const nextWednesday = () =>
  [1, 2, 3, 4, 5, 6, 7].map(day).find((d) => partsOf(startOfDate(d)).weekday === 3)!;

/** Rows in an order that leaves each later row something to act on. */
const ROWS: { as: string; call: LazyCall<'rooms'> }[] = [
  { as: 'demo-resident-wang', call: { action: 'listRooms', input: () => ({}) } },
  { as: 'demo-resident-wang', call: { action: 'roomDetail', input: () => ({ roomId: room('乒乓球室') }) } },
  {
    as: 'demo-resident-wang',
    call: {
      action: 'book',
      input: () => ({
        roomId: room('舞蹈室'),
        date: day(8),
        start: 660,
        purpose: '排练',
        idempotencyKey: freshKey(),
      }),
    },
  },
  {
    as: 'demo-resident-zhang',
    call: { action: 'cancelBooking', input: () => ({ bookingId: zhangsBooking() }) },
  },
  { as: 'demo-resident-wang', call: { action: 'myBookings', input: () => ({}) } },
  {
    as: 'demo-resident-chen',
    call: {
      action: 'proposeTeam',
      input: () => ({
        roomId: room('舞蹈室'),
        name: '扇子舞队',
        weekday: 5,
        start: 540,
        end: 600,
        idempotencyKey: freshKey(),
      }),
    },
  },
  { as: 'demo-resident-wang', call: { action: 'myTeams', input: () => ({}) } },
  {
    as: 'demo-resident-wang',
    call: { action: 'updateTeamMembers', input: () => ({ teamId: poems(), members: ['王秀英', '张阿姨'] }) },
  },
  {
    as: 'demo-resident-wang',
    call: {
      action: 'teamException',
      input: () => ({ teamId: poems(), kind: 'skip', date: nextWednesday() }),
    },
  },
  {
    as: 'demo-admin-moling',
    call: { action: 'decideTeam', input: () => ({ teamId: waitingTeam(), approve: true }) },
  },
  { as: 'demo-resident-zhou', call: { action: 'dutyToday', input: () => ({}) } },
  { as: 'demo-resident-zhou', call: { action: 'openRoom', input: () => ({ roomId: room('阅览室') }) } },
  { as: 'demo-resident-zhou', call: { action: 'closeRoom', input: () => ({ roomId: room('阅览室') }) } },
  {
    as: 'demo-resident-zhou',
    call: {
      action: 'reportIssue',
      input: () => ({ roomId: room('阅览室'), text: '台灯不亮', idempotencyKey: freshKey() }),
    },
  },
  {
    as: 'demo-admin-lukou',
    call: {
      action: 'createRoom',
      input: () => ({
        communityId: 'jn-lukou-lukou',
        name: '书画室',
        kind: '书画室',
        capacity: 10,
        accessible: true,
        address: '三楼',
        hours: Array.from({ length: 7 }, () => ({ open: 480, close: 1020 })),
        idempotencyKey: freshKey(),
      }),
    },
  },
  {
    as: 'demo-admin-lukou',
    call: { action: 'updateRoom', input: () => ({ roomId: room('书画室'), capacity: 12 }) },
  },
  {
    as: 'demo-admin-lukou',
    call: {
      action: 'setManagers',
      input: () => ({ roomId: room('书画室'), managerIds: [demo.seed.userIds['demo-resident-zhang']!] }),
    },
  },
  {
    as: 'demo-admin-lukou',
    call: {
      action: 'addClosure',
      input: () => ({ roomId: room('舞蹈室'), from: day(5), to: day(6), reason: '换地板' }),
    },
  },
  {
    as: 'demo-admin-lukou',
    call: {
      action: 'removeClosure',
      input: () => {
        const r = demo.cloud.store.docs('rooms').find((d) => d.name === '舞蹈室') as unknown as {
          closures: { id: string }[];
        };
        return { roomId: room('舞蹈室'), closureId: r.closures[0]!.id };
      },
    },
  },
  {
    as: 'demo-admin-lukou',
    call: { action: 'fixIssue', input: () => ({ issueId: first('room_issues', () => true) }) },
  },
  { as: 'demo-admin-lukou', call: { action: 'adminBoard', input: () => ({}) } },
  {
    as: 'demo-resident-zhou',
    call: {
      action: 'checkIn',
      input: () => {
        demo.cloud.clock.set(startOfDate(toCheckIn.date, 14 * 60 - 5).getTime());
        return { roomId: room('乒乓球室'), bookingId: toCheckIn.id };
      },
    },
  },
];

/** Actions that tell someone (rooms/notices.ts). */
const TELLS = new Set<RoomsAction>(['decideTeam', 'addClosure']);

it('lists every action once', () => {
  const listed: RoomsAction[] = ROWS.map((r) => r.call.action);
  expect([...listed].sort()).toEqual(Object.keys(roomsInputs).sort());
});

it.each(ROWS.map((r) => [`${r.call.action} as ${r.as}`, r] as const))(
  '%s: ok, ≤ 3 round trips (one more where someone is told)',
  async (_n, r) => {
    const reply = await demo.unchecked(
      'rooms',
      r.as,
      r.call.action,
      r.call.input() as Record<string, unknown>,
    );
    expect(reply.ok ? 'ok' : `${reply.error.code} ${reply.error.message}`).toBe('ok');
    // Telling someone also keeps the message in their message centre (common/notify): one more write.
    expect(reply.roundTrips).toBeLessThanOrEqual(TELLS.has(r.call.action) ? 4 : 3);
  },
);
