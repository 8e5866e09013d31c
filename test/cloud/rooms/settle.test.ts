/**
 * The settle timer: an ended booking nobody checked in becomes a no-show counted against the booker, while one on a
 * day its room was closed (a booking stored in the instant the closure was being added) is closed, not missed; the
 * room lets go of past holds and counters.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { beijing } from '../../support/beijing';
import { CHEN, freshKey, LUKOU_ADMIN, makeRoom, MONDAY, setMondayMorning, userId, ZHANG } from './helpers';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
  setMondayMorning(demo);
});
afterAll(() => demo.close());

it('counts a missed booking, closes one stored on a closed day, and prunes the room', async () => {
  const roomId = await makeRoom(demo);
  const missed = await demo.ok('rooms', ZHANG, 'book', {
    roomId,
    date: MONDAY,
    start: 9 * 60,
    purpose: '打球',
    idempotencyKey: freshKey(),
  });
  await demo.ok('rooms', LUKOU_ADMIN, 'addClosure', { roomId, from: MONDAY, to: MONDAY, reason: '停电' });
  // The race: a booking of that day stored after the closure had marked the day's bookings.
  const late = { ...demo.cloud.store.docs('room_bookings').find((b) => b._id === missed.id)! };
  demo.cloud.store.insert('room_bookings', [
    { ...late, _id: 'late-one', userId: userId(demo, CHEN), openid: CHEN, status: 'booked' },
  ]);
  const tuesday = await demo.ok('rooms', ZHANG, 'book', {
    roomId,
    date: '2026-12-08',
    start: 9 * 60,
    purpose: '打球',
    idempotencyKey: freshKey(),
  });
  demo.cloud.clock.set(beijing('2026-12-09T08:00'));
  const out = await demo.cloud.timers.fire('rooms', 'settle');
  expect(out.ok).toBe(true);
  const status = (id: string) => demo.cloud.store.docs('room_bookings').find((b) => b._id === id)!.status;
  expect(status('late-one')).toBe('closed');
  expect(status(missed.id)).toBe('closed');
  expect(status(tuesday.id)).toBe('noShow');
  const people = demo.cloud.store.docs('room_people');
  expect(people.map((p) => p._id)).toEqual([userId(demo, ZHANG)]);
  const room = demo.cloud.store.docs('rooms').find((r) => r._id === roomId) as unknown as {
    holds: object;
    used: object;
  };
  expect(room.holds).toEqual({});
  expect(room.used).toEqual({});
});
