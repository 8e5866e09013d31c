/**
 * A round of activity rooms on the full demo for actions.bench.ts: 禄口's admin opens a new room (made through the
 * rooms tests' helper), edits it, names its manager, pauses it for two days and lifts the pause; a resident finds
 * it, books and cancels, proposes a weekly team that the admin approves, changes its members and skips a week;
 * the manager, at the booking's time, sees the day, checks the booker in, opens and locks the room and reports a
 * fault that the admin marks fixed. A new room each round.
 */
import { addDays, dateKey, partsOf, startOfDate } from '../../miniprogram/shared/calendar';
import { freshKey, makeRoom, userId } from '../../test/cloud/rooms/helpers';
import type { DemoCloud } from '../../test/support/demo';
import type { Attempt } from './attempt';

const ADMIN = 'demo-admin-lukou';
const WANG = 'demo-resident-wang';
const MANAGER = 'demo-resident-zhang';

/** One round. */
export async function roomsDay(demo: DemoCloud, attempt: Attempt): Promise<void> {
  const clock = demo.cloud.clock;
  const day = (n: number) => addDays(dateKey(clock.now()), n);
  await attempt('rooms', WANG, 'listRooms', {});
  const roomId = await makeRoom(demo);
  await attempt('rooms', ADMIN, 'updateRoom', { roomId, capacity: 6, equipment: ['球台 2 张', '发球机'] });
  await attempt('rooms', ADMIN, 'setManagers', { roomId, managerIds: [userId(demo, MANAGER)] });
  await attempt('rooms', ADMIN, 'addClosure', { roomId, from: day(5), to: day(6), reason: '换地板' });
  const closures = demo.cloud.store.docs('rooms').find((r) => r._id === roomId)?.closures as
    { id: string }[] | undefined;
  await attempt('rooms', ADMIN, 'removeClosure', { roomId, closureId: closures?.[0]?.id ?? 'none' });

  // A resident books tomorrow 09:00 and cancels; books 10:00 and keeps it.
  const tomorrow = day(1);
  await attempt('rooms', WANG, 'roomDetail', { roomId, date: tomorrow });
  const dropped = await attempt('rooms', WANG, 'book', {
    roomId,
    date: tomorrow,
    start: 9 * 60,
    purpose: '练球',
    idempotencyKey: freshKey(),
  });
  await attempt('rooms', WANG, 'cancelBooking', { bookingId: dropped.id });
  const kept = await attempt('rooms', WANG, 'book', {
    roomId,
    date: tomorrow,
    start: 10 * 60,
    people: 2,
    purpose: '和老伴打球',
    idempotencyKey: freshKey(),
  });
  await attempt('rooms', WANG, 'myBookings', {});

  // A weekly team, two days from now at 19:00: approved, members changed, the first meeting skipped.
  const meets = day(2);
  const team = await attempt('rooms', WANG, 'proposeTeam', {
    roomId,
    name: '银发乒乓队',
    weekday: partsOf(startOfDate(meets)).weekday,
    start: 19 * 60,
    end: 20 * 60,
    members: ['王秀英'],
    idempotencyKey: freshKey(),
  });
  await attempt('rooms', ADMIN, 'decideTeam', { teamId: team.id, approve: true });
  await attempt('rooms', WANG, 'myTeams', {});
  await attempt('rooms', WANG, 'updateTeamMembers', { teamId: team.id, members: ['王秀英', '老李'] });
  await attempt('rooms', WANG, 'teamException', { teamId: team.id, kind: 'skip', date: meets });

  // The manager at 09:55 tomorrow (the clock returns afterwards).
  const offset = clock.offset();
  clock.set(startOfDate(tomorrow, 10 * 60 - 5).getTime());
  try {
    await attempt('rooms', MANAGER, 'dutyToday', { roomId });
    await attempt('rooms', MANAGER, 'openRoom', { roomId });
    await attempt('rooms', MANAGER, 'checkIn', { roomId, bookingId: kept.id });
    await attempt('rooms', MANAGER, 'closeRoom', { roomId });
    const issue = await attempt('rooms', MANAGER, 'reportIssue', {
      roomId,
      text: '一张球台的网断了',
      idempotencyKey: freshKey(),
    });
    clock.advance(offset - clock.offset());
    await attempt('rooms', ADMIN, 'fixIssue', { issueId: issue.id });
  } finally {
    clock.advance(offset - clock.offset());
  }
  await attempt('rooms', ADMIN, 'adminBoard', {});
}
