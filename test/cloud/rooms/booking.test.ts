/**
 * rooms through the local cloud with the real SDK, per role: residents book, see and cancel; a room manager sees
 * names and counts (never phones), checks people in by code and by name, opens and locks; admins make rooms, close
 * them, approve teams and read the board; and everyone is refused what is not theirs. Round trips ≤ 3 each.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { beijing } from '../../support/beijing';
import {
  CHEN,
  freshKey,
  LI,
  LUKOU_ADMIN,
  makeRoom,
  MOLING_ADMIN,
  MONDAY,
  setMondayMorning,
  userId,
  WANG,
  ZHANG,
} from './helpers';

let demo: DemoCloud;
let room: string;
beforeAll(async () => {
  demo = await startDemoCloud();
  setMondayMorning(demo);
  room = await makeRoom(demo, { weeklyLimitMinutes: 180 });
  await demo.ok('rooms', LUKOU_ADMIN, 'setManagers', { roomId: room, managerIds: [userId(demo, ZHANG)] });
});
afterAll(() => demo.close());

const book = (who: string, start: number, extra: { slots?: number; people?: number; date?: string } = {}) =>
  demo.call('rooms', who, 'book', {
    roomId: room,
    date: extra.date ?? MONDAY,
    start,
    slots: extra.slots ?? 1,
    people: extra.people ?? 1,
    purpose: '打乒乓球',
    idempotencyKey: freshKey(),
  });

describe('a resident', () => {
  test('sees rooms near them with today’s free slots, and the room’s page', async () => {
    const list = await demo.call('rooms', WANG, 'listRooms', {});
    expect(list.ok && list.roundTrips).toBeLessThanOrEqual(2);
    const mine = list.ok ? list.data.items.find((r) => r.id === room) : undefined;
    expect(mine).toMatchObject({ mine: true, todayText: '今天 08:00–21:00', freeCount: 13 });
    const detail = await demo.call('rooms', WANG, 'roomDetail', { roomId: room });
    expect(detail.roundTrips).toBeLessThanOrEqual(3);
    expect(detail.ok && detail.data.slots[0]).toMatchObject({ text: '08:00–09:00', free: 4, bookable: true });
    expect(detail.ok && detail.data.managers).toEqual(['张*']);
  });

  test('books two hours, gets a code, and the places and weekly minutes are taken', async () => {
    const r = await book(WANG, 9 * 60, { slots: 2, people: 3 });
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data).toMatchObject({ timeText: '09:00–11:00', people: 3, status: 'booked', canCancel: true });
    expect(r.data.code).toMatch(/^\d{6}$/);
    const d = await demo.ok('rooms', WANG, 'roomDetail', { roomId: room });
    expect(d.slots.find((s) => s.start === 9 * 60)).toMatchObject({ free: 1, stateText: '剩 1 位' });
    expect(d.minutesLeft).toBe(60);
    const again = await book(WANG, 13 * 60, { slots: 2 });
    expect(!again.ok && again.error).toMatchObject({ code: 'LIMIT_REACHED' });
    expect(!again.ok && again.error.message).toContain('每人每周最多');
    const over = await book(CHEN, 9 * 60, { people: 2 });
    expect(!over.ok && over.error).toMatchObject({
      code: 'LIMIT_REACHED',
      message: '这个时段只剩 1 个位置了',
    });
  });

  test('is told clearly when outside opening hours, in the past, or beyond the horizon', async () => {
    const early = await book(CHEN, 7 * 60);
    expect(!early.ok && early.error.code).toBe('CONFLICT');
    expect(!early.ok && early.error.message).toContain('不在开放时间内');
    const late = await book(CHEN, 20 * 60, { slots: 2 });
    expect(!late.ok && late.error.message).toContain('超出了当天的开放时间');
    const far = await book(CHEN, 9 * 60, { date: '2026-12-30' });
    expect(!far.ok && far.error.message).toContain('14 天内');
    const bad = await demo.unchecked('rooms', CHEN, 'book', { roomId: room, date: '明天', start: 600 });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });

  test('cancels before the deadline (places return), not after; not someone else’s', async () => {
    const r = await book(CHEN, 18 * 60);
    if (!r.ok) throw new Error(r.error.message);
    const stranger = await demo.call('rooms', WANG, 'cancelBooking', { bookingId: r.data.id });
    expect(!stranger.ok && stranger.error.code).toBe('NOT_FOUND');
    const c = await demo.call('rooms', CHEN, 'cancelBooking', { bookingId: r.data.id });
    expect(c.roundTrips).toBeLessThanOrEqual(3);
    expect(c.ok && c.data.status).toBe('cancelled');
    const d = await demo.ok('rooms', CHEN, 'roomDetail', { roomId: room });
    expect(d.slots.find((s) => s.start === 18 * 60)!.free).toBe(4);
    const soon = await book(CHEN, 8 * 60);
    if (!soon.ok) throw new Error(soon.error.message);
    const tooLate = await demo.call('rooms', CHEN, 'cancelBooking', { bookingId: soon.data.id });
    expect(!tooLate.ok && tooLate.error).toMatchObject({ code: 'CONFLICT' });
    const mine = await demo.call('rooms', CHEN, 'myBookings', {});
    expect(mine.roundTrips).toBeLessThanOrEqual(3);
    expect(mine.ok && mine.data.items.map((b) => b.timeText)).toEqual(['08:00–09:00', '18:00–19:00']);
  });
});

describe('a room manager', () => {
  test('sees names and counts, never phones; checks in by code and by name', async () => {
    demo.cloud.clock.set(beijing(`${MONDAY}T08:50`));
    const today = await demo.call('rooms', ZHANG, 'dutyToday', {});
    expect(today.roundTrips).toBeLessThanOrEqual(3);
    if (!today.ok) throw new Error(today.error.message);
    expect(today.data.counts).toEqual({ bookings: 2, people: 4, checkedIn: 0 });
    expect(today.data.items.map((i) => i.name)).toEqual(['陈芳', '王秀英']);
    expect(JSON.stringify(today.data)).not.toMatch(/138\d{8}/);
    const wangBooking = demo.cloud.store.docs('room_bookings').find((b) => b.userId === userId(demo, WANG))!;
    const byCode = await demo.call('rooms', ZHANG, 'checkIn', {
      roomId: room,
      code: wangBooking.code as string,
    });
    expect(byCode.roundTrips).toBeLessThanOrEqual(3);
    expect(byCode.ok && byCode.data).toMatchObject({ name: '王秀英', people: 3, already: false });
    const chenItem = today.data.items.find((i) => i.name === '陈芳')!;
    const byName = await demo.call('rooms', ZHANG, 'checkIn', { roomId: room, bookingId: chenItem.id });
    expect(byName.ok && byName.data.already).toBe(false);
    const twice = await demo.call('rooms', ZHANG, 'checkIn', { roomId: room, bookingId: chenItem.id });
    expect(twice.ok && twice.data.already).toBe(true);
    const wrong = await demo.call('rooms', ZHANG, 'checkIn', { roomId: room, code: '000000' });
    expect(!wrong.ok && wrong.error.code).toBe('NOT_FOUND');
  });

  test('opens and locks the room; the turn counts as duty time', async () => {
    demo.cloud.clock.set(beijing(`${MONDAY}T08:00`));
    const open = await demo.call('rooms', ZHANG, 'openRoom', { roomId: room });
    expect(open.roundTrips).toBeLessThanOrEqual(3);
    const twice = await demo.call('rooms', ZHANG, 'openRoom', { roomId: room });
    expect(!twice.ok && twice.error.code).toBe('CONFLICT');
    demo.cloud.clock.set(beijing(`${MONDAY}T11:30`));
    const close = await demo.call('rooms', ZHANG, 'closeRoom', { roomId: room });
    expect(close.roundTrips).toBeLessThanOrEqual(3);
    expect(close.ok && close.data).toMatchObject({ open: false, minutes: 210 });
    const today = await demo.ok('rooms', ZHANG, 'dutyToday', { roomId: room });
    expect(today.dutyText).toContain('3 小时 30 分');
    const issue = await demo.call('rooms', ZHANG, 'reportIssue', {
      roomId: room,
      text: '一张球台的网断了',
      idempotencyKey: freshKey(),
    });
    expect(issue.ok).toBe(true);
  });
});

describe('forbidden paths', () => {
  test('residents cannot manage, open, check in, or administer; other streets’ admins neither', async () => {
    const b = demo.cloud.store.docs('room_bookings')[0]!;
    const calls = [
      demo.call('rooms', WANG, 'dutyToday', {}),
      demo.call('rooms', WANG, 'dutyToday', { roomId: room }),
      demo.call('rooms', WANG, 'openRoom', { roomId: room }),
      demo.call('rooms', WANG, 'checkIn', { roomId: room, bookingId: b._id as string }),
      demo.call('rooms', WANG, 'reportIssue', { roomId: room, text: '坏了坏了', idempotencyKey: freshKey() }),
      demo.call('rooms', WANG, 'addClosure', { roomId: room, from: MONDAY, to: MONDAY, reason: '维修' }),
      demo.call('rooms', LI, 'adminBoard', {}),
      demo.call('rooms', MOLING_ADMIN, 'addClosure', {
        roomId: room,
        from: MONDAY,
        to: MONDAY,
        reason: '维修',
      }),
      demo.call('rooms', MOLING_ADMIN, 'setManagers', { roomId: room, managerIds: [] }),
      demo.call('rooms', MOLING_ADMIN, 'adminBoard', { placeId: 'jn-lukou' }),
      demo.call('rooms', ZHANG, 'createRoom', {
        communityId: 'jn-lukou-lukou',
        name: '我的房间',
        kind: '多功能室',
        capacity: 3,
        accessible: false,
        address: '家里',
        hours: Array.from({ length: 7 }, () => null),
        idempotencyKey: freshKey(),
      }),
    ];
    for (const r of await Promise.all(calls)) {
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
      expect(r.roundTrips).toBeLessThanOrEqual(3);
    }
    const claimed = await demo.unchecked('rooms', WANG, 'myBookings', { openid: ZHANG });
    expect(!claimed.ok && claimed.error.code).toBe('INVALID_INPUT');
  });
});

describe('an admin', () => {
  test('closes a day: its bookings are cancelled and nobody can book it', async () => {
    demo.cloud.clock.set(beijing(`${MONDAY}T07:00`));
    const tue = '2026-12-08';
    const r = await book(LI, 10 * 60, { date: tue });
    if (!r.ok) throw new Error(r.error.message);
    const c = await demo.call('rooms', LUKOU_ADMIN, 'addClosure', {
      roomId: room,
      from: tue,
      to: tue,
      reason: '更换地板',
    });
    expect(c.roundTrips).toBeLessThanOrEqual(4); // +1: the message kept in the recipient's message centre (common/notify)
    expect(c.ok && c.data.cancelled).toBe(1);
    expect(demo.cloud.outbox.list({ templateId: 'local-room_closed' }).map((m) => m.touser)).toEqual([LI]);
    const mine = await demo.ok('rooms', LI, 'myBookings', {});
    expect(mine.items.find((b) => b.id === r.data.id)).toMatchObject({ status: 'closed' });
    const refused = await book(LI, 10 * 60, { date: tue });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'CONFLICT',
      message: '活动室这天暂停开放（更换地板）',
    });
    const d = await demo.ok('rooms', LI, 'roomDetail', { roomId: room, date: tue });
    expect(d.slots.every((s) => s.stateText === '暂停开放')).toBe(true);
  });

  test('approves a team’s weekly slot (refused over residents’ bookings); the leader skips a week', async () => {
    const wed = '2026-12-09';
    const blocker = await book(CHEN, 19 * 60, { date: wed });
    if (!blocker.ok) throw new Error(blocker.error.message);
    const team = await demo.ok('rooms', WANG, 'proposeTeam', {
      roomId: room,
      name: '银发乒乓队',
      weekday: 3,
      start: 19 * 60,
      end: 20 * 60 + 30,
      members: ['王阿姨', '老李'],
      idempotencyKey: freshKey(),
    });
    expect(team.status).toBe('pending');
    const refused = await demo.call('rooms', LUKOU_ADMIN, 'decideTeam', { teamId: team.id, approve: true });
    expect(!refused.ok && refused.error.message).toContain('已有居民预约');
    await demo.ok('rooms', CHEN, 'cancelBooking', { bookingId: blocker.data.id });
    const approved = await demo.call('rooms', LUKOU_ADMIN, 'decideTeam', { teamId: team.id, approve: true });
    expect(approved.roundTrips).toBeLessThanOrEqual(4); // +1: the message kept in the recipient's message centre (common/notify)
    expect(approved.ok && approved.data.coming.map((m) => m.date)).toEqual(['2026-12-09', '2026-12-16']);
    expect(demo.cloud.outbox.list({ templateId: 'local-room_team' }).map((m) => m.touser)).toEqual([WANG]);
    const clash = await book(CHEN, 20 * 60, { date: wed });
    expect(!clash.ok && clash.error.message).toBe('这个时段是银发乒乓队的固定活动时间');
    const notLeader = await demo.call('rooms', CHEN, 'teamException', {
      teamId: team.id,
      kind: 'skip',
      date: wed,
    });
    expect(!notLeader.ok && notLeader.error.code).toBe('FORBIDDEN');
    const skip = await demo.call('rooms', WANG, 'teamException', {
      teamId: team.id,
      kind: 'skip',
      date: wed,
    });
    expect(skip.roundTrips).toBeLessThanOrEqual(3);
    expect(skip.ok && skip.data.coming.map((m) => m.date)).toEqual(['2026-12-16']);
    const free = await book(CHEN, 20 * 60, { date: wed });
    expect(free.ok).toBe(true);
    const move = await demo.call('rooms', WANG, 'teamException', {
      teamId: team.id,
      kind: 'move',
      date: '2026-12-16',
      toDate: '2026-12-17',
      toStart: 9 * 60,
    });
    expect(move.ok && move.data.coming[0]!.text).toContain('调到');
    const board = await demo.call('rooms', LUKOU_ADMIN, 'adminBoard', {});
    expect(board.roundTrips).toBeLessThanOrEqual(3);
    if (!board.ok) throw new Error(board.error.message);
    const mineOnBoard = board.data.rooms.find((r) => r.id === room)!;
    expect(mineOnBoard.teams).toEqual([{ name: '银发乒乓队', text: '每周三 19:00–20:30' }]);
    expect(mineOnBoard.heat).toHaveLength(7);
    expect(board.data.issues.map((i) => i.text)).toContain('一张球台的网断了');
  });

  test('no-shows are counted by the timer and pause booking past the threshold, explained', async () => {
    demo.cloud.clock.set(beijing(`${MONDAY}T07:00`));
    for (const day of ['2026-12-10', '2026-12-11', '2026-12-12'])
      expect((await book(LI, 8 * 60, { date: day })).ok).toBe(true);
    demo.cloud.clock.set(beijing('2026-12-12T10:00'));
    const out = await demo.cloud.timers.fire('rooms', 'settle');
    expect(JSON.stringify(out)).toContain('noShows');
    const refused = await book(LI, 15 * 60, { date: '2026-12-12' });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(!refused.ok && refused.error.message).toContain('预约暂停到12月26日');
    const mine = await demo.ok('rooms', LI, 'myBookings', { when: 'past' });
    expect(mine.paused).toContain('预约暂停');
    expect(mine.items.filter((b) => b.status === 'noShow')).toHaveLength(3);
  });
});
