/**
 * A manager's closed turn on duty becomes verified volunteering time: the settle timer writes one entry into the
 * volunteering hours ledger per duty (keyed by the duty), however often it runs, and the manager sees it in
 * volunteering's 我的时长 like any other hours (kept under his user id, so also when he registers as a volunteer only
 * afterwards). A turn still open is not counted; a lock forgotten for a day counts
 * up to the limit.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { beijing } from '../../support/beijing';
import { LUKOU_ADMIN, makeRoom, MONDAY, setMondayMorning, userId, ZHANG } from './helpers';

/** A room of 禄口社区 with ZHANG as its manager. */
async function managedRoom(): Promise<string> {
  const roomId = await makeRoom(demo);
  await demo.ok('rooms', LUKOU_ADMIN, 'setManagers', { roomId, managerIds: [userId(demo, ZHANG)] });
  return roomId;
}

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
  setMondayMorning(demo);
});
afterAll(() => demo.close());

const entriesOf = (dutyId: string) =>
  demo.cloud.store.docs('volunteer_hours').filter((e) => e['signupId'] === dutyId);

it('puts a closed turn into the hours ledger once, shown in the manager’s hours', async () => {
  const roomId = await managedRoom();
  const roomName = demo.cloud.store.docs('rooms').find((r) => r._id === roomId)!['name'] as string;
  demo.cloud.clock.set(beijing(`${MONDAY}T08:00`));
  await demo.ok('rooms', ZHANG, 'openRoom', { roomId });
  const duty = demo.cloud.store.docs('room_duties').find((d) => d['roomId'] === roomId) as { _id: string };

  // Still open: nothing counted.
  demo.cloud.clock.set(beijing(`${MONDAY}T09:00`));
  expect((await demo.cloud.timers.fire('rooms', 'settle')).ok).toBe(true);
  expect(entriesOf(duty._id)).toHaveLength(0);

  demo.cloud.clock.set(beijing(`${MONDAY}T11:30`));
  const close = await demo.ok('rooms', ZHANG, 'closeRoom', { roomId });
  expect(close.text).toContain('计入志愿服务时长');
  // ZHANG is not a registered volunteer in this demo: no hours page yet.
  const notYet = await demo.call('volunteering', ZHANG, 'myHours', { offset: 0 });
  expect(!notYet.ok && notYet.error.code).toBe('FORBIDDEN');

  demo.cloud.clock.set(beijing(`${MONDAY}T11:45`));
  expect((await demo.cloud.timers.fire('rooms', 'settle')).ok).toBe(true);
  expect(entriesOf(duty._id)).toHaveLength(1);
  // The timer again, and a replay of the write after the duty's mark was lost: still one entry.
  expect((await demo.cloud.timers.fire('rooms', 'settle')).ok).toBe(true);
  demo.cloud.store.update('room_duties', { _id: duty._id }, { $unset: { hoursAt: '' } }, { multi: false });
  expect((await demo.cloud.timers.fire('rooms', 'settle')).ok).toBe(true);
  expect(demo.cloud.store.docs('room_duties').find((d) => d._id === duty._id)!['hoursAt']).toBeDefined();
  const entries = entriesOf(duty._id);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    kind: 'verify',
    verified: true,
    verifiedDelta: 210,
    pendingDelta: 0,
    volunteerId: userId(demo, ZHANG),
    activityTitle: `活动室值守 · ${roomName}`,
    source: 'roomDuty',
  });

  // The entry is kept under his user id: once he registers, his hours page shows it like any other hours.
  await demo.ok('volunteering', ZHANG, 'becomeVolunteer', { skills: ['秩序引导'] });
  const after = await demo.ok('volunteering', ZHANG, 'myHours', { offset: 0 });
  expect(after).toMatchObject({ verifiedMinutes: 210, pendingMinutes: 0, activityCount: 1 });
  const line = after.items.find((i) => i.activityTitle === `活动室值守 · ${roomName}`);
  expect(line).toMatchObject({ verified: true, verifiedMinutes: 210, pendingMinutes: 0, date: MONDAY });
});

it('counts a lock forgotten overnight up to the limit', async () => {
  const roomId = await managedRoom();
  demo.cloud.clock.set(beijing(`${MONDAY}T08:00`));
  await demo.ok('rooms', ZHANG, 'openRoom', { roomId });
  demo.cloud.clock.set(beijing('2026-12-08T08:00'));
  await demo.ok('rooms', ZHANG, 'closeRoom', { roomId });
  await demo.cloud.timers.fire('rooms', 'settle');
  const duty = demo.cloud.store.docs('room_duties').find((d) => d['roomId'] === roomId) as { _id: string };
  expect(entriesOf(duty._id)).toEqual([expect.objectContaining({ verifiedDelta: 12 * 60, capped: true })]);
});
