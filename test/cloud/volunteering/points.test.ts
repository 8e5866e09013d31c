/**
 * volunteering's side of 爱心积分: verified hours (only verified ones) become points at the street's rate through
 * the creditPoints timer, adjustments after verification become compensating entries, the street admin sets the
 * rule, admins adjust a person's points with a reason the person sees; per role, forbidden ones included, with the
 * round trips each action costs.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import type { ActivityDetail } from '../../../cloudfunctions/volunteering/contract';
import {
  createActivity,
  H,
  HONGYE,
  LUKOU_ADMIN,
  makeVolunteers,
  MIN,
  MOLING_ADMIN,
  screenCode,
  SQUARE,
  ZHANG,
} from './helpers';

let demo: DemoCloud;
let v: string[];
let a: ActivityDetail;
let start: number;

/** The reply's error code, or OK. */
const codeOf = (r: { ok: true } | { ok: false; error: { code: string } }) => (r.ok ? 'OK' : r.error.code);
const at = (offsetMs: number) => demo.cloud.clock.set(start + offsetMs);
const userId = (openid: string) =>
  demo.cloud.store.docs('users').find((u) => u.openid === openid)!._id as string;
const signupId = (who: string) =>
  demo.cloud.store.docs('volunteer_signups').find((s) => s.activityId === a.id && s.openid === who)!
    ._id as string;
const ledger = (who: string) =>
  demo.cloud.store
    .docs('points_entries')
    .filter((e) => e.userId === userId(who))
    .sort((x, y) => (x.n as number) - (y.n as number));
const credit = async () => {
  const r = await demo.cloud.timers.fire('volunteering', 'creditPoints');
  expect(r.ok).toBe(true);
  return r.ok ? (JSON.parse(r.resultJson) as { data: { entries: number; points: number } }).data : undefined;
};
const attend = async (who: string, action: 'checkIn' | 'checkOut') =>
  demo.ok('volunteering', who, action, {
    activityId: a.id,
    code: await screenCode(demo, a.id),
    location: SQUARE,
  });

beforeAll(async () => {
  demo = await startDemoCloud();
  v = await makeVolunteers(demo, 'pv', 3);
  a = await createActivity(demo, { capacity: 3, startsInH: 2 });
  start = Date.parse(a.startAt);
  for (const who of v) await demo.ok('volunteering', who, 'signUp', { activityId: a.id });
  at(-10 * MIN);
  for (const who of v) await attend(who, 'checkIn');
  at(2 * H - 5 * MIN);
  for (const who of v) await attend(who, 'checkOut');
  at(2 * H + 10 * MIN);
});
afterAll(() => demo.close());

describe('points from verified hours', () => {
  it('earns nothing for hours not yet verified', async () => {
    expect(await credit()).toEqual({ entries: 0, points: 0 });
    expect(ledger(v[0]!)).toEqual([]);
  });

  it('earns 10 points an hour (the default rule) once the organizer verifies, once however often the timer runs', async () => {
    await demo.ok('volunteering', HONGYE, 'verifyHours', {
      signupId: signupId(v[0]!),
      minutes: 120,
      reason: '按排班时长确认',
    });
    expect(await credit()).toEqual({ entries: 1, points: 20 });
    expect(await credit()).toEqual({ entries: 0, points: 0 });
    expect(ledger(v[0]!)).toEqual([
      expect.objectContaining({ n: 1, kind: 'earn', delta: 20, balanceAfter: 20, by: 'system' }),
    ]);
    const r = await demo.call('volunteering', v[0]!, 'myPoints', { offset: 0 });
    expect(r.ok && r.data).toMatchObject({
      balance: 20,
      earned: 20,
      pointsPerHour: 10,
      entries: {
        items: [{ kind: 'earn', kindText: '服务获得', title: '地震逃生演练', delta: 20 }],
        next: null,
      },
    });
    expect(r.roundTrips).toBeLessThanOrEqual(3);
  });

  it('compensates an adjustment after verification with an entry of its own (never edits the earn)', async () => {
    await demo.ok('volunteering', HONGYE, 'adjustHours', {
      signupId: signupId(v[0]!),
      deltaMinutes: -30,
      reason: '提前离开半小时',
      idempotencyKey: 'adjust-pv0-1',
    });
    expect(await credit()).toEqual({ entries: 1, points: -5 });
    expect(ledger(v[0]!)).toEqual([
      expect.objectContaining({ n: 1, kind: 'earn', delta: 20 }),
      expect.objectContaining({
        n: 2,
        kind: 'adjust',
        delta: -5,
        balanceAfter: 15,
        reason: '提前离开半小时',
      }),
    ]);
  });

  it("earns at the street's rate once its admin sets one", async () => {
    const set = await demo.call('volunteering', MOLING_ADMIN, 'setPointRule', {
      streetId: 'jn-moling',
      pointsPerHour: 30,
      expiryYears: 2,
      starHours: [50, 200, 500, 1000, 1500],
    });
    expect(set.ok && set.data).toMatchObject({ pointsPerHour: 30, set: true });
    expect(set.roundTrips).toBeLessThanOrEqual(3);
    const read = await demo.call('volunteering', MOLING_ADMIN, 'pointRule', { streetId: 'jn-moling' });
    expect(read.ok && read.data).toMatchObject({ pointsPerHour: 30, starHours: [50, 200, 500, 1000, 1500] });
    await demo.ok('volunteering', HONGYE, 'verifyHours', {
      signupId: signupId(v[1]!),
      minutes: 90,
      reason: '按实际时长确认',
    });
    expect(await credit()).toEqual({ entries: 1, points: 45 });
    expect((await demo.ok('volunteering', v[1]!, 'myPoints', { offset: 0 })).pointsPerHour).toBe(30);
  });

  it('lets only admins over the street see or set its rule', async () => {
    const rule = { streetId: 'jn-moling', pointsPerHour: 5, expiryYears: 1, starHours: [1, 2, 3, 4, 5] };
    for (const who of [LUKOU_ADMIN, HONGYE, v[0]!, ZHANG]) {
      expect(codeOf(await demo.call('volunteering', who, 'setPointRule', rule))).toBe('FORBIDDEN');
      expect(codeOf(await demo.call('volunteering', who, 'pointRule', { streetId: 'jn-moling' }))).toBe(
        'FORBIDDEN',
      );
    }
    expect(
      codeOf(
        await demo.call('volunteering', MOLING_ADMIN, 'setPointRule', {
          ...rule,
          streetId: 'jn-moling-moling',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await demo.call('volunteering', MOLING_ADMIN, 'setPointRule', {
          ...rule,
          starHours: [5, 4, 3, 2, 1],
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(demo.cloud.store.docs('points_rules')).toEqual([expect.objectContaining({ pointsPerHour: 30 })]);
  });
});

describe('admin adjustments', () => {
  it('adds points with a reason the person sees, once per key', async () => {
    const input = {
      targetUserId: userId(v[2]!),
      delta: 50,
      reason: '疫情期间连续值守',
      idempotencyKey: 'adj-points-pv2-1',
    };
    const r = await demo.call('volunteering', MOLING_ADMIN, 'adjustPoints', input);
    expect(r.ok && r.data).toEqual({ delta: 50, balance: 50 });
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(await demo.ok('volunteering', MOLING_ADMIN, 'adjustPoints', input)).toEqual({
      delta: 50,
      balance: 50,
    });
    expect(ledger(v[2]!)).toHaveLength(1);
    const mine = await demo.ok('volunteering', v[2]!, 'myPoints', { offset: 0 });
    expect(mine.entries.items[0]).toMatchObject({ kindText: '调整', reason: '疫情期间连续值守', delta: 50 });
  });

  it('takes at most the balance and records the shortfall', async () => {
    const r = await demo.ok('volunteering', MOLING_ADMIN, 'adjustPoints', {
      targetUserId: userId(v[2]!),
      delta: -80,
      reason: '误加积分更正',
      idempotencyKey: 'adj-points-pv2-2',
    });
    expect(r).toEqual({ delta: -50, balance: 0, shortfall: 30 });
  });

  it('refuses other admins, staff and residents; and bad input writes nothing', async () => {
    const before = JSON.stringify(demo.cloud.store.docs('points_entries'));
    const input = {
      targetUserId: userId(v[2]!),
      delta: 10,
      reason: '试试',
      idempotencyKey: 'adj-forbidden-1',
    };
    for (const who of [LUKOU_ADMIN, HONGYE, v[0]!])
      expect(codeOf(await demo.call('volunteering', who, 'adjustPoints', input))).toBe('FORBIDDEN');
    for (const bad of [
      { ...input, delta: 0 },
      { ...input, delta: 1.5 },
      { ...input, reason: '' },
      { ...input, delta: 1_000_000 },
    ])
      expect(codeOf(await demo.unchecked('volunteering', MOLING_ADMIN, 'adjustPoints', bad))).toBe(
        'INVALID_INPUT',
      );
    expect(
      (await demo.unchecked('volunteering', MOLING_ADMIN, 'adjustPoints', { ...input, openid: 'x' })).ok,
    ).toBe(false);
    expect(
      codeOf(
        await demo.call('volunteering', MOLING_ADMIN, 'adjustPoints', { ...input, targetUserId: 'nobody' }),
      ),
    ).toBe('NOT_FOUND');
    expect(JSON.stringify(demo.cloud.store.docs('points_entries'))).toBe(before);
  });
});

describe('the street report', () => {
  it("sums the month's points issued and what people hold, for the street's admins only", async () => {
    const r = await demo.call('volunteering', MOLING_ADMIN, 'pointsReport', {
      streetId: 'jn-moling',
      months: 3,
    });
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    const months = r.ok ? r.data.months : [];
    expect(months).toHaveLength(3);
    // This month: 20 − 5 (v0), 45 (v1), +50 − 50 (v2's adjustments).
    expect(months[0]).toMatchObject({ issued: 60, spent: 0, given: 0, expired: 0, outstanding: 60 });
    expect(months[1]).toMatchObject({ issued: 0, outstanding: 0 });
    expect(
      codeOf(await demo.call('volunteering', LUKOU_ADMIN, 'pointsReport', { streetId: 'jn-moling' })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await demo.call('volunteering', v[0]!, 'pointsReport', { streetId: 'jn-moling' }))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('star levels', () => {
  it("follow the street's thresholds on the hours page, the profile and the certificate", async () => {
    await demo.ok('volunteering', MOLING_ADMIN, 'setPointRule', {
      streetId: 'jn-moling',
      pointsPerHour: 30,
      expiryYears: 2,
      starHours: [1, 2, 3, 4, 5],
    });
    // v1 has 90 verified minutes: 一星 at 1 hour, 二星 half an hour away.
    const hours = await demo.ok('volunteering', v[1]!, 'myHours', { offset: 0 });
    expect(hours).toMatchObject({
      badge: { name: '一星志愿者', minHours: 1 },
      nextBadge: { name: '二星志愿者', minutesToGo: 30 },
    });
    expect((await demo.ok('volunteering', v[1]!, 'myVolunteer')).hours.badge?.name).toBe('一星志愿者');
    const cert = await demo.call('volunteering', v[1]!, 'issueCertificate', {
      idempotencyKey: 'cert-star-v1',
    });
    expect(cert.ok && cert.data.badge).toBe('一星志愿者');
    expect(cert.roundTrips).toBeLessThanOrEqual(3);
  });
});

describe('the yearly thank-you page', () => {
  it("totals the community's year and names only those who agreed, masked", async () => {
    const agreed = await demo.ok('volunteering', v[1]!, 'updateVolunteer', { publicThanks: true });
    expect(agreed.isVolunteer).toBe(true);
    const r = await demo.call('volunteering', ZHANG, 'thankYou', { communityId: 'jn-moling-moling' });
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    // v0: 120 − 30 minutes, v1: 90 minutes, in one activity; only v1 agreed to be named.
    expect(r.ok && r.data).toMatchObject({
      communityName: '秣陵社区',
      totalHours: '3',
      volunteers: 2,
      activities: 1,
      top: [{ name: '志*', hours: '1.5' }],
    });
    expect(r.ok && r.data.me).toBeUndefined();
    const mine = await demo.ok('volunteering', v[1]!, 'thankYou', {});
    expect(mine).toMatchObject({ communityName: '秣陵社区', me: { publicThanks: true } });
    expect(JSON.stringify(mine)).not.toContain('志愿者001');
    expect(codeOf(await demo.call('volunteering', ZHANG, 'thankYou', { communityId: 'jn-moling' }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('expiry', () => {
  const beijing = (iso: string) => Date.parse(`${iso}+08:00`);

  it('warns in the last year what will expire at its end, and reminds on 1 December', async () => {
    demo.cloud.clock.set(beijing('2028-12-01T10:00:00'));
    const r = await demo.call('volunteering', v[0]!, 'myPoints', { offset: 0 });
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(r.ok && r.data.expiring).toEqual({ points: 15, dateText: '12月31日' });
    // The reminder on 1 December: v0's 15 points (v2 has none left; v1's are counted the same way).
    const sent = await demo.cloud.timers.fire('volunteering', 'remindPointsExpiry');
    expect(sent.ok).toBe(true);
    // The timer fires every 10 minutes that hour: the next run finds everyone marked and tells nobody twice.
    const again = await demo.cloud.timers.fire('volunteering', 'remindPointsExpiry');
    expect(again.ok && JSON.parse(again.resultJson).data).toEqual({ reminded: 0 });
    expect(demo.cloud.outbox.list({ templateId: 'local-vol_points_expiring', touser: v[0] })).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ number1: { value: '15' }, date2: { value: '12月31日' } }),
      }),
    ]);
    expect(demo.cloud.outbox.list({ templateId: 'local-vol_points_expiring', touser: v[2] })).toEqual([]);
  });

  it('expires what was earned two years before, once, oldest first', async () => {
    const balance = async (who: string) =>
      (await demo.ok('volunteering', who, 'myPoints', { offset: 0 })).balance;
    const before = await balance(v[1]!);
    // v1 earned 45 in 2026 and spends 10 of them in 2028: 35 of the 2026 points are left to expire.
    await demo.ok('volunteering', MOLING_ADMIN, 'adjustPoints', {
      targetUserId: userId(v[1]!),
      delta: -10,
      reason: '更正',
      idempotencyKey: 'adj-v1-expiry',
    });
    demo.cloud.clock.set(beijing('2029-01-01T00:30:00'));
    const fired = await demo.cloud.timers.fire('volunteering', 'expirePoints');
    expect(fired.ok).toBe(true);
    expect(ledger(v[0]!).at(-1)).toMatchObject({ kind: 'expire', delta: -15, balanceAfter: 0 });
    expect(ledger(v[1]!).at(-1)).toMatchObject({ kind: 'expire', delta: -(before - 10), balanceAfter: 0 });
    const again = await demo.cloud.timers.fire('volunteering', 'expirePoints');
    expect(again.ok && JSON.parse(again.resultJson).data).toEqual({ people: 0, points: 0 });
    const mine = await demo.ok('volunteering', v[0]!, 'myPoints', { offset: 0 });
    expect(mine.entries.items[0]).toMatchObject({
      kind: 'expire',
      kindText: '过期',
      title: '2027年以前获得的积分到期',
    });
  });
});

describe('an activity with a bonus', () => {
  it('earns its bonus per verified hour on top of the street rate', async () => {
    const bonus = await createActivity(demo, { capacity: 1, startsInH: 1, bonusPointsPerHour: 5 });
    expect(bonus.bonusPointsPerHour).toBe(5);
    const [who] = await makeVolunteers(demo, 'pb', 1);
    await demo.ok('volunteering', who!, 'signUp', { activityId: bonus.id });
    const s0 = Date.parse(bonus.startAt);
    demo.cloud.clock.set(s0 + 2 * H + 10 * MIN);
    const signup = demo.cloud.store
      .docs('volunteer_signups')
      .find((s) => s.activityId === bonus.id && s.openid === who)!._id as string;
    await demo.ok('volunteering', HONGYE, 'verifyHours', {
      signupId: signup,
      minutes: 60,
      reason: '帮忙一小时',
    });
    // The street's 30 an hour (set above) plus 5.
    expect(await credit()).toEqual({ entries: 1, points: 35 });
  });
});
