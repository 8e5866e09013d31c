/**
 * reports through the local cloud with the real SDK, per role: a resident reports (grid found from the point,
 * outside every grid refused, only own photos), the grid team confirms on site (20 at once → one confirmation),
 * the matter list dispatches, the street re-dispatches, the department accepts and resolves, the reporter reopens
 * once and closes with a rating; merging of the same problem nearby; overdue escalation by the timer; the rate
 * limit under concurrent taps; who sees what (reporters anonymous; the phone only through a logged call back; a
 * department only its own queue); round trips per action.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import {
  CENTRE,
  freshKey,
  LI,
  LUKOU_ADMIN,
  makePeople,
  MOLING_ADMIN,
  NEAR,
  OUTSIDE,
  photo,
  setMorning,
  setUpStreet,
  userId,
  WANG,
  ZHANG,
  type Street,
} from './helpers';

jest.setTimeout(240_000);

let demo: DemoCloud;
let street: Street;
beforeAll(async () => {
  demo = await startDemoCloud();
  setMorning(demo);
  street = await setUpStreet(demo, 20);
});
afterAll(() => demo.close());

const report = (id: string) => demo.cloud.store.docs('reports').find((r) => r._id === id)!;
const submit = (who: string, matterId: string, location = NEAR, description = '楼下垃圾堆了三天') =>
  demo.call('reports', who, 'submit', {
    matterId,
    location,
    address: '1 栋北侧',
    description,
    photos: [photo(demo, who)],
    idempotencyKey: freshKey(),
  });

it('runs the whole flow: patrol, dispatch, re-dispatch, accept, resolve, reopen once, close and rate', async () => {
  const trips: Record<string, number> = {};
  const outside = await submit(WANG, street.matters.pothole, OUTSIDE);
  expect(!outside.ok && outside.error.code).toBe('INVALID_INPUT');
  expect(!outside.ok && outside.error.message).toContain('不在本街道的任何网格内');
  const notMine = await demo.call('reports', WANG, 'submit', {
    matterId: street.matters.pothole,
    location: NEAR,
    description: '路面有坑',
    photos: [photo(demo, ZHANG)],
    idempotencyKey: freshKey(),
  });
  expect(!notMine.ok && notMine.error.code).toBe('INVALID_INPUT');
  const risky = await demo.call('reports', WANG, 'submit', {
    matterId: street.matters.pothole,
    location: NEAR,
    description: '路面有坑',
    photos: [photo(demo, WANG, 9, true)],
    idempotencyKey: freshKey(),
  });
  expect(!risky.ok && risky.error.code).toBe('CONTENT_REJECTED');
  expect(demo.cloud.store.docs('reports')).toHaveLength(0);
  expect(demo.cloud.store.docs('report_quotas')).toHaveLength(0);

  const first = await submit(WANG, street.matters.pothole, NEAR, '路面有个大坑，晚上看不见');
  expect(first.ok).toBe(true);
  trips.submit = first.roundTrips;
  const id = first.ok ? first.data.id : '';
  expect(first.ok && first.data.merged).toBe(false);
  expect(report(id)).toMatchObject({ status: 'patrol', gridName: '第一网格', departmentName: '住建' });

  // The public (another resident) sees no reporter; the reporter sees it as theirs.
  const pub = await demo.ok('reports', ZHANG, 'reportDetail', { reportId: id });
  expect(JSON.stringify(pub)).not.toContain('王');
  expect(JSON.stringify(pub)).not.toContain(WANG);
  expect(JSON.stringify(pub)).not.toContain('13851700101');
  expect(pub.mine).toBe(false);
  expect(pub.can.follow).toBe(true);
  expect(pub.timeline[0]!.by).toBe('居民');

  // 20 grid team members confirm at once: one confirmation, the rest are told.
  const confirms = await Promise.all(
    street.team.map((m) =>
      demo.call('reports', m, 'patrolConfirm', {
        reportId: id,
        found: true,
        location: NEAR,
        photos: [photo(demo, m)],
      }),
    ),
  );
  expect(confirms.filter((c) => c.ok)).toHaveLength(1);
  expect(confirms.filter((c) => !c.ok && c.error.code === 'CONFLICT')).toHaveLength(19);
  trips.patrolConfirm = Math.max(...confirms.filter((c) => c.ok).map((c) => c.roundTrips));
  expect(report(id)['timeline']).toHaveLength(2);
  expect(report(id)).toMatchObject({ status: 'dispatched' });
  const notTeam = await demo.call('reports', ZHANG, 'patrolConfirm', {
    reportId: id,
    found: true,
    location: NEAR,
  });
  expect(!notTeam.ok && notTeam.error.code).toBe('FORBIDDEN');

  // The department sees only its own queue; 城管 cannot accept 住建's report; the street re-dispatches to 城管.
  const housingQueue = await demo.ok('reports', street.staff.housing, 'queue', { view: 'department' });
  expect(housingQueue.items.map((r) => r.id)).toEqual([id]);
  expect(housingQueue.items[0]!.dueText).toMatch(/还剩/);
  const cityQueue = await demo.ok('reports', street.staff.city, 'queue', { view: 'department' });
  expect(cityQueue.items).toHaveLength(0);
  const wrong = await demo.call('reports', street.staff.city, 'accept', { reportId: id });
  expect(!wrong.ok && wrong.error.code).toBe('FORBIDDEN');
  const residentQueue = await demo.call('reports', ZHANG, 'queue', { view: 'department' });
  expect(!residentQueue.ok && residentQueue.error.code).toBe('FORBIDDEN');
  const otherStreet = await demo.call('reports', MOLING_ADMIN, 'dispatch', {
    reportId: id,
    departmentId: street.departments.city,
  });
  expect(!otherStreet.ok && otherStreet.error.code).toBe('FORBIDDEN');
  const re = await demo.call('reports', LUKOU_ADMIN, 'dispatch', {
    reportId: id,
    departmentId: street.departments.city,
    note: '路面坑洼归城管修补',
  });
  expect(re.ok && re.data.departmentName).toBe('城管');
  trips.dispatch = re.roundTrips;

  // 城管 accepts and resolves with a result photo; the department sees no reporter either.
  const staffView = await demo.ok('reports', street.staff.city, 'reportDetail', { reportId: id });
  expect(staffView.can.accept).toBe(true);
  expect(JSON.stringify(staffView)).not.toContain('王');
  const acc = await demo.call('reports', street.staff.city, 'accept', { reportId: id });
  trips.accept = acc.roundTrips;
  const noPhoto = await demo.call('reports', street.staff.city, 'resolve', {
    reportId: id,
    note: '已修补',
    photos: [],
  });
  expect(!noPhoto.ok && noPhoto.error.code).toBe('INVALID_INPUT');
  const res = await demo.call('reports', street.staff.city, 'resolve', {
    reportId: id,
    note: '已用沥青修补',
    photos: [photo(demo, street.staff.city, 2)],
  });
  trips.resolve = res.roundTrips;
  expect(res.ok && res.data.status).toBe('resolved');

  // Only the reporter confirms; they reopen once, then the department resolves again and they close with 4 stars.
  const notReporter = await demo.call('reports', ZHANG, 'closeReport', { reportId: id, rating: 5 });
  expect(!notReporter.ok && notReporter.error.code).toBe('FORBIDDEN');
  const reopened = await demo.call('reports', WANG, 'reopen', { reportId: id, reason: '下雨后又塌了' });
  trips.reopen = reopened.roundTrips;
  expect(reopened.ok && reopened.data.status).toBe('accepted');
  await demo.ok('reports', street.staff.city, 'resolve', {
    reportId: id,
    note: '重新铺设',
    photos: [photo(demo, street.staff.city, 3)],
  });
  const again = await demo.call('reports', WANG, 'reopen', { reportId: id, reason: '还是不行' });
  expect(!again.ok && again.error.code).toBe('CONFLICT');
  const closed = await demo.call('reports', WANG, 'closeReport', {
    reportId: id,
    rating: 4,
    comment: '谢谢',
  });
  trips.closeReport = closed.roundTrips;
  expect(closed.ok && closed.data.status).toBe('closed');
  const steps = (await demo.ok('reports', WANG, 'reportDetail', { reportId: id })).timeline.map(
    (s) => s.text,
  );
  expect(steps.reverse()).toEqual([
    '居民报告了问题',
    '网格员到现场核实',
    '街道改派部门',
    '部门已受理',
    '部门已处理',
    '报告人说还没解决',
    '部门已处理',
    '报告人确认已解决',
  ]);
  // The reporter (a follower) got a message at each step.
  const toWang = demo.cloud.outbox.list().filter((m) => m.touser === WANG);
  expect(toWang.length).toBeGreaterThanOrEqual(5);

  const figures = await demo.call('reports', LUKOU_ADMIN, 'figures', {});
  trips.figures = figures.roundTrips;
  expect(figures.ok && figures.data.byDepartment.find((r) => r.name === '城管')).toMatchObject({
    count: 1,
    reopenRateText: '100%',
    satisfactionText: '4.0 星',
  });
  const detail = await demo.call('reports', WANG, 'reportDetail', { reportId: id });
  trips.reportDetail = detail.roundTrips;
  const mine = await demo.call('reports', WANG, 'myReports', {});
  trips.myReports = mine.roundTrips;
  const near = await demo.call('reports', ZHANG, 'nearMe', { location: CENTRE });
  trips.nearMe = near.roundTrips;
  expect(near.ok && near.data.map((r) => r.id)).toContain(id);
  for (const [action, n] of Object.entries(trips)) expect([action, n <= 3]).toEqual([action, true]);
});

it('merges the same problem reported nearby, offers it first, and lets people follow', async () => {
  const a = await submit(ZHANG, street.matters.litter, CENTRE, '垃圾桶满了溢出来');
  const aid = a.ok ? a.data.id : '';
  expect(report(aid)).toMatchObject({ status: 'dispatched', departmentName: '城管' });
  const offered = await demo.ok('reports', WANG, 'similar', {
    matterId: street.matters.litter,
    location: NEAR,
  });
  expect(offered.map((r) => r.id)).toEqual([aid]);
  const b = await submit(WANG, street.matters.litter, NEAR, '这里垃圾好多');
  expect(b.ok && b.data).toEqual({ id: aid, merged: true });
  expect(report(aid)).toMatchObject({ merged: 1 });
  expect(
    demo.cloud.store.docs('reports').filter((r) => r['matterId'] === street.matters.litter),
  ).toHaveLength(1);
  const mine = await demo.ok('reports', WANG, 'myReports', {});
  expect(mine.items.map((r) => r.id)).toContain(aid);
  // A retried tap arriving with the first (same key, five at once) merges once and answers the same.
  const twin = {
    matterId: street.matters.litter,
    location: NEAR,
    address: '',
    description: '还是很多垃圾',
    photos: [photo(demo, street.staff.housing)],
    idempotencyKey: freshKey(),
  };
  const twins = await Promise.all(
    Array.from({ length: 5 }, () => demo.call('reports', street.staff.housing, 'submit', twin)),
  );
  expect(twins.map((t) => t.ok && t.data)).toEqual(
    Array.from({ length: 5 }, () => ({ id: aid, merged: true })),
  );
  expect(report(aid)).toMatchObject({ merged: 2 });
  // Another matter at the same place is another report.
  const lamp = await submit(WANG, street.matters.lamp, NEAR, '路灯坏了');
  expect(lamp.ok && lamp.data.merged).toBe(false);
  // Following and unfollowing.
  await demo.ok('reports', LI, 'follow', { reportId: aid, follow: true });
  expect(report(aid)['followerIds']).toContain(userId(demo, LI));
  await demo.ok('reports', LI, 'follow', { reportId: aid, follow: false });
  expect(report(aid)['followerIds']).not.toContain(userId(demo, LI));
});

it('escalates overdue reports to the street admin once, and closes resolved ones nobody answered', async () => {
  const r = await submit(
    ZHANG,
    street.matters.litter,
    { latitude: 31.735, longitude: 118.864 },
    '绿化带里有建筑垃圾',
  );
  const id = r.ok ? r.data.id : '';
  demo.cloud.clock.advance(5 * 3_600_000);
  const fired = await demo.cloud.timers.fire('reports', 'escalate');
  expect(fired.ok).toBe(true);
  expect(report(id)['escalated']).toEqual(['respond']);
  const toAdmin = demo.cloud.outbox.list().filter((m) => m.touser === LUKOU_ADMIN);
  expect(toAdmin.length).toBeGreaterThanOrEqual(1);
  await demo.cloud.timers.fire('reports', 'escalate');
  expect(report(id)['escalated']).toEqual(['respond']);
  const overdue = await demo.ok('reports', LUKOU_ADMIN, 'queue', { view: 'overdue' });
  expect(overdue.items.map((x) => x.id)).toContain(id);
  expect(overdue.items.find((x) => x.id === id)!.dueText).toBe('已超时');

  await demo.ok('reports', street.staff.city, 'accept', { reportId: id });
  await demo.ok('reports', street.staff.city, 'resolve', {
    reportId: id,
    note: '已清运',
    photos: [photo(demo, street.staff.city, 4)],
  });
  demo.cloud.clock.advance(8 * 86_400_000);
  await demo.cloud.timers.fire('reports', 'escalate');
  expect(report(id)).toMatchObject({ status: 'closed' });
});

it('shows the phone only to the grid team, and logs every view', async () => {
  const r = await submit(WANG, street.matters.lamp, { latitude: 31.738, longitude: 118.867 }, '楼道灯不亮');
  const id = r.ok ? r.data.id : '';
  const refused = await demo.call('reports', street.staff.city, 'callBack', { reportId: id });
  expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
  const shown = await demo.call('reports', street.team[1]!, 'callBack', { reportId: id });
  expect(shown.ok && shown.data.phone).toBe('13851700101');
  expect(shown.roundTrips).toBeLessThanOrEqual(3);
  const logs = demo.cloud.store.docs('report_phone_views').filter((l) => l['reportId'] === id);
  expect(logs).toHaveLength(1);
  expect(logs[0]).toMatchObject({ byId: userId(demo, street.team[1]!), reporterId: userId(demo, WANG) });
  const teamQueue = await demo.ok('reports', street.team[1]!, 'queue', { view: 'patrol' });
  expect(teamQueue.items.map((x) => x.id)).toContain(id);
  expect(JSON.stringify(teamQueue)).not.toContain('13851700101');
});

it('stops a reporter at 20 a day, even when the taps come at once; a replay takes nothing twice', async () => {
  const [flooder] = await makePeople(demo, 'flood', 1);
  const spots = Array.from({ length: 30 }, (_x, i) => ({
    latitude: 31.733 + (i % 6) * 0.0015,
    longitude: 118.862 + Math.floor(i / 6) * 0.0015,
  }));
  const key = freshKey();
  const input = (i: number) => ({
    matterId: street.matters.pothole,
    location: spots[i]!,
    description: `第${i}处坑`,
    photos: [photo(demo, flooder!)],
    idempotencyKey: i === 0 ? key : freshKey(),
  });
  const replies = await Promise.all(spots.map((_s, i) => demo.call('reports', flooder!, 'submit', input(i))));
  expect(replies.filter((r) => r.ok)).toHaveLength(20);
  expect(replies.filter((r) => !r.ok && r.error.code === 'LIMIT_REACHED')).toHaveLength(10);
  const mine = demo.cloud.store.docs('reports').filter((r) => r['reporterId'] === userId(demo, flooder!));
  expect(mine).toHaveLength(20);
  if (replies[0]!.ok) {
    const replay = await demo.call('reports', flooder!, 'submit', input(0));
    expect(replay.ok && replay.data.id).toBe(replies[0]!.data.id);
  }
  demo.cloud.clock.advance(86_400_000);
  const tomorrow = await demo.call('reports', flooder!, 'submit', input(1));
  expect(tomorrow.ok).toBe(true);
});

it('keeps the matter list versioned and refuses a stale edit; teams must be 1 + 2 + N', async () => {
  const setup = await demo.ok('reports', LUKOU_ADMIN, 'setup', {});
  const lamp = setup.matters.find((m) => m.id === street.matters.lamp)!;
  const edit = {
    matterId: lamp.id,
    version: lamp.version,
    streetId: 'jn-lukou',
    name: '路灯不亮',
    category: '市政设施',
    departmentId: street.departments.city,
    respondHours: 2,
    resolveHours: 24,
    patrolFirst: false,
  };
  const saved = await demo.ok('reports', LUKOU_ADMIN, 'saveMatter', edit);
  expect(saved.version).toBe(lamp.version + 1);
  const stale = await demo.call('reports', LUKOU_ADMIN, 'saveMatter', edit);
  expect(!stale.ok && stale.error.code).toBe('CONFLICT');
  const doc = demo.cloud.store.docs('report_matters').find((m) => m._id === lamp.id)!;
  expect((doc['history'] as unknown[]).length).toBe(1);
  const resident = await demo.call('reports', WANG, 'saveMatter', edit);
  expect(!resident.ok && resident.error.code).toBe('FORBIDDEN');
  const tooSmall = await demo.call('reports', LUKOU_ADMIN, 'setGridTeam', {
    gridId: street.gridId,
    members: [{ userId: userId(demo, WANG), role: 'leader' }],
  });
  expect(!tooSmall.ok && tooSmall.error.code).toBe('INVALID_INPUT');
  const moling = await demo.call('reports', MOLING_ADMIN, 'setGridTeam', {
    gridId: street.gridId,
    members: [],
  });
  expect(!moling.ok && moling.error.code).toBe('FORBIDDEN');
  const openid = await demo.unchecked('reports', WANG, 'submit', { openid: 'x' });
  expect(!openid.ok && openid.error.code).toBe('INVALID_INPUT');
});
