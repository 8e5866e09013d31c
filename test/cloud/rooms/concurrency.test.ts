/**
 * rooms under concurrency, through the local cloud's function host (instances run in parallel, as CloudBase
 * scales out): 50 residents booking the same last place get exactly one; 50 booking a room of capacity 5 get
 * exactly 5; a team's approval and single bookings of its slot at the same moment never both land.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { freshKey, LUKOU_ADMIN, makeResidents, makeRoom, MONDAY, setMondayMorning, WANG } from './helpers';

jest.setTimeout(180_000);

let demo: DemoCloud;
let people: string[];
beforeAll(async () => {
  demo = await startDemoCloud();
  setMondayMorning(demo);
  people = await makeResidents(demo, 'rc', 50);
});
afterAll(() => demo.close());

const bookAll = (roomId: string, who: string[], start: number, date = MONDAY) =>
  Promise.all(
    who.map((w) =>
      demo.call('rooms', w, 'book', { roomId, date, start, purpose: '锻炼', idempotencyKey: freshKey() }),
    ),
  );

const roomDoc = (id: string) =>
  demo.cloud.store.docs('rooms').find((r) => r._id === id) as unknown as {
    used: Record<string, number>;
    holds: object;
  };

test('50 residents booking the last place: exactly one gets it, the rest are told it is full', async () => {
  const room = await makeRoom(demo, { capacity: 3 });
  await demo.ok('rooms', WANG, 'book', {
    roomId: room,
    date: MONDAY,
    start: 600,
    people: 2,
    purpose: '练球',
    idempotencyKey: freshKey(),
  });
  const replies = await bookAll(room, people, 600);
  const won = replies.filter((r) => r.ok);
  expect(won).toHaveLength(1);
  expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(
    Array(49).fill('LIMIT_REACHED'),
  );
  expect(Math.max(...replies.map((r) => r.roundTrips))).toBeLessThanOrEqual(3);
  const booked = demo.cloud.store
    .docs('room_bookings')
    .filter((b) => b.roomId === room && b.status === 'booked');
  expect(booked.reduce((n, b) => n + (b.people as number), 0)).toBe(3);
  expect(Object.values(roomDoc(room).used)).toEqual([3]);
});

test('50 residents, capacity 5: exactly 5 bookings land', async () => {
  const room = await makeRoom(demo, { capacity: 5 });
  const replies = await bookAll(room, people, 14 * 60);
  expect(replies.filter((r) => r.ok)).toHaveLength(5);
  expect(demo.cloud.store.docs('room_bookings').filter((b) => b.roomId === room)).toHaveLength(5);
  expect(Object.keys(roomDoc(room).holds)).toHaveLength(5);
});

test('a team’s approval racing single bookings of its slot: never both', async () => {
  for (let round = 0; round < 5; round++) {
    const room = await makeRoom(demo, { capacity: 10 });
    const team = await demo.ok('rooms', WANG, 'proposeTeam', {
      roomId: room,
      name: '广场舞队',
      weekday: 1,
      start: 19 * 60,
      end: 20 * 60,
      idempotencyKey: freshKey(),
    });
    const [approval, ...bookings] = await Promise.all([
      demo.call('rooms', LUKOU_ADMIN, 'decideTeam', { teamId: team.id, approve: true }),
      ...people.slice(round * 10, round * 10 + 10).map((w) =>
        demo.call('rooms', w, 'book', {
          roomId: room,
          date: MONDAY,
          start: 19 * 60,
          purpose: '跳舞',
          idempotencyKey: freshKey(),
        }),
      ),
    ]);
    const landed = bookings.filter((b) => b.ok).length;
    if (approval!.ok) expect(landed).toBe(0);
    else expect(landed).toBeGreaterThan(0);
    const doc = roomDoc(room) as unknown as { teams: unknown[]; used: Record<string, number> };
    const used = Object.values(doc.used).reduce((n, v) => n + v, 0);
    expect(doc.teams.length > 0 && used > 0).toBe(false);
  }
});
