/**
 * volunteering: check-in and check-out with the organizer's rotating code and the volunteer's location — valid,
 * expired, foreign and forged codes, in and out of the radius (refused with the distance), twice = once, hours
 * credited and capped; and no check-in at all without a configured secret.
 */
import { callerOf, startDemoCloud, type DemoCloud } from '../../support/demo';
import { startTestCloud } from '../../support/localcloud';
import { seedAccount } from '../../../seed/account';
import { DEMO_BOOTSTRAP_ADMINS } from '../../../seed/functionEnv';
import {
  createActivity,
  H,
  HONGYE,
  makeVolunteers,
  MIN,
  MOLING_ADMIN,
  northOf,
  screenCode,
  SQUARE,
  volunteeringState,
  XINYUAN,
} from './helpers';

let demo: DemoCloud;
let v: string[];
let activityId: string;
let otherId: string;
/** The activity's start, on the cloud's clock. */
let start: number;

beforeAll(async () => {
  demo = await startDemoCloud();
  v = await makeVolunteers(demo, 'av', 4);
  const a = await createActivity(demo, { capacity: 2, startsInH: 3 });
  const other = await createActivity(demo, { title: '另一场演练', capacity: 5, startsInH: 3 });
  activityId = a.id;
  otherId = other.id;
  start = Date.parse(a.startAt);
  for (const who of v.slice(0, 3)) await demo.ok('volunteering', who, 'signUp', { activityId });
  await demo.ok('volunteering', v[3]!, 'signUp', { activityId: otherId });
});
afterAll(() => demo.close());

/** Moves the cloud's clock to `offsetMs` from the activity's start. */
const at = (offsetMs: number) => demo.cloud.clock.set(start + offsetMs);
const checkIn = (who: string, code: string, location = SQUARE, id = activityId) =>
  demo.call('volunteering', who, 'checkIn', { activityId: id, code, location });
const checkOut = (who: string, code: string, location = SQUARE) =>
  demo.call('volunteering', who, 'checkOut', { activityId, code, location });
const signupOf = (who: string) =>
  demo.cloud.store.docs('volunteer_signups').find((s) => s.activityId === activityId && s.openid === who)!;

describe('the organizer code screen', () => {
  it('opens an hour before the start, for the organizer only', async () => {
    at(-2 * H);
    expect(await demo.call('volunteering', HONGYE, 'checkinCode', { activityId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    at(-30 * MIN);
    const r = await demo.call('volunteering', HONGYE, 'checkinCode', { activityId });
    expect(r.roundTrips).toBe(2);
    expect(r.ok && r.data.code).toMatch(new RegExp(`^MLV1\\.${activityId}\\.`));
    expect(r.ok && r.data.refreshInMs).toBeLessThanOrEqual(30_000);
    expect((await demo.ok('volunteering', MOLING_ADMIN, 'checkinCode', { activityId })).code).toBe(
      r.ok && r.data.code,
    );
    for (const who of [v[0]!, XINYUAN])
      expect(await demo.call('volunteering', who, 'checkinCode', { activityId })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
  });
});

describe('check-in', () => {
  it('accepts a fresh code within the radius, in 2 round trips; twice is one check-in', async () => {
    at(-30 * MIN);
    const code = await screenCode(demo, activityId);
    const first = await checkIn(v[0]!, code);
    expect(first.roundTrips).toBe(2);
    expect(first).toMatchObject({ ok: true, data: { already: false, distanceM: 0 } });
    const firstAt = first.ok ? first.data.at : '';
    demo.cloud.clock.advance(5_000);
    const again = await checkIn(v[0]!, await screenCode(demo, activityId));
    expect(again).toMatchObject({ ok: true, data: { already: true, at: firstAt } });
    expect((signupOf(v[0]!).checkInAt as Date).toISOString()).toBe(firstAt);
  });

  it('accepts a code in the next window too (the scan crossed a rotation), refuses it after that', async () => {
    at(-20 * MIN);
    const code = await screenCode(demo, activityId);
    demo.cloud.clock.advance(30_000);
    const before = volunteeringState(demo);
    demo.cloud.clock.advance(31_000);
    const late = await checkIn(v[1]!, code);
    expect(late).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '签到码已过期，请扫描屏幕上刷新后的二维码',
        issues: [{ path: 'code' }],
      },
    });
    expect(volunteeringState(demo)).toBe(before);
    at(-19 * MIN);
    const fresh = await screenCode(demo, activityId);
    demo.cloud.clock.advance(30_000);
    expect(await checkIn(v[1]!, fresh)).toMatchObject({ ok: true, data: { already: false } });
  });

  it('refuses a code of another activity, and a made-up one, without reading anything', async () => {
    at(-10 * MIN);
    const before = volunteeringState(demo);
    const foreign = await checkIn(v[2]!, await screenCode(demo, otherId));
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ message: 'foreign' }] },
    });
    expect(foreign.roundTrips).toBe(0);
    const real = await screenCode(demo, activityId);
    const forged = real.slice(0, -4) + (real.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await checkIn(v[2]!, forged)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ message: 'forged' }] },
    });
    expect(await checkIn(v[2]!, 'https://example.com/not-a-code')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ message: 'malformed' }] },
    });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('refuses a location outside the radius with the distance, writing nothing', async () => {
    at(-5 * MIN);
    const code = await screenCode(demo, activityId);
    const before = volunteeringState(demo);
    const outside = await checkIn(v[1]!, code, northOf(350));
    expect(outside).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '您距活动地点约 350 米，需在 200 米范围内签到',
        issues: [{ path: 'location', message: 'distance 350 m > radius 200 m' }],
      },
    });
    expect(volunteeringState(demo)).toBe(before);
  });

  it('refuses someone waiting for a seat, or not signed up', async () => {
    at(0);
    const code = await screenCode(demo, activityId);
    const before = volunteeringState(demo);
    expect(await checkIn(v[2]!, code)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您在候补名单第 1 位，还没有名额，不能签到' },
    });
    expect(await checkIn(v[3]!, code)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(volunteeringState(demo)).toBe(before);
  });
});

describe('check-out', () => {
  it('needs a check-in first', async () => {
    const a = await createActivity(demo, { capacity: 2, startsInH: 0.5, title: '临时集合' });
    await demo.ok('volunteering', v[3]!, 'signUp', { activityId: a.id });
    const code = await screenCode(demo, a.id);
    expect(
      await demo.call('volunteering', v[3]!, 'checkOut', { activityId: a.id, code, location: SQUARE }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您还没有签到，请先签到' } });
  });

  it('credits the stay capped at the scheduled duration, unverified, in 3 round trips; twice is one', async () => {
    at(2 * H + 30 * MIN); // checked in 30 min before the start, leaving 30 min after the end: 3 h, capped at 2 h
    const code = await screenCode(demo, activityId);
    const outside = await checkOut(v[0]!, code, northOf(250));
    expect(outside).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'location' }] },
    });
    const r = await checkOut(v[0]!, code, northOf(120));
    expect(r.roundTrips).toBe(3);
    expect(r).toMatchObject({
      ok: true,
      data: { already: false, minutes: 120, capped: true, distanceM: 120 },
    });
    const again = await checkOut(v[0]!, await screenCode(demo, activityId));
    expect(again).toMatchObject({ ok: true, data: { already: true, minutes: 120, capped: true } });
    const ledger = demo.cloud.store.docs('volunteer_hours').filter((e) => e.signupId === signupOf(v[0]!)._id);
    expect(ledger).toEqual([
      expect.objectContaining({
        n: 1,
        kind: 'credit',
        pendingDelta: 120,
        verifiedDelta: 0,
        verified: false,
        capped: true,
      }),
    ]);
  });

  it('credits the actual time when shorter', async () => {
    at(1 * H + 10 * MIN);
    const r = await checkOut(v[1]!, await screenCode(demo, activityId));
    // Checked in 18.5 min before the start (see above), out 70 min after it: 88.5 min, to the nearest minute.
    expect(r).toMatchObject({ ok: true, data: { capped: false } });
    expect(r.ok && r.data.minutes).toBeGreaterThanOrEqual(88);
    expect(r.ok && r.data.minutes).toBeLessThanOrEqual(89);
  });

  it('is refused after the grace period: the timer closes it instead', async () => {
    at(4 * H + 1 * MIN);
    expect(await demo.call('volunteering', HONGYE, 'checkinCode', { activityId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('without a configured secret', () => {
  it('refuses the code screen and check-in rather than use a made-up secret', async () => {
    const cloud = await startTestCloud({ functionEnv: { MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS } });
    try {
      await seedAccount(cloud);
      const { ok, call } = callerOf(cloud);
      const start2 = cloud.clock.now() + 30 * MIN;
      const created = await ok('volunteering', HONGYE, 'createActivity', {
        title: '演练',
        orgId: (
          cloud.store.docs('organizations').find((o) => o.name === '南京红叶社会工作服务社') as {
            _id: string;
          }
        )._id,
        communityId: 'jn-moling-moling',
        address: '广场',
        location: SQUARE,
        startAt: new Date(start2).toISOString(),
        endAt: new Date(start2 + H).toISOString(),
        capacity: 5,
        idempotencyKey: 'no-secret-1',
      });
      const screen = await call('volunteering', HONGYE, 'checkinCode', { activityId: created.id });
      expect(screen).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: '签到功能尚未配置，请联系管理员' },
      });
      const scan = await call('volunteering', 'demo-volunteer-zhao', 'checkIn', {
        activityId: created.id,
        code: `MLV1.${created.id}.0.AAAAAAAAAAAAAAAA`,
        location: SQUARE,
      });
      expect(scan).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      await cloud.close();
    }
  });
});
