/**
 * The check-in evidence rules, pure: the window around a slot, the radius around the service address, what a
 * check-in outside them needs (a reason), how it reads on the timeline and the admin's list, and when check-out
 * is refused.
 */
import fc from 'fast-check';
import { AppError } from '../../../cloudfunctions/common/errors';
import { SERVICES_LIMITS, type CheckInDeparture } from '../../../cloudfunctions/services/contract';
import {
  assessCheckIn,
  checkInRuleOf,
  checkInWindow,
  checkOutRefusal,
  DEFAULT_CHECK_IN_RULE,
  departuresOf,
  distanceText,
  exceptionText,
  phaseAt,
  requireReason,
  ruleText,
  windowHint,
  type CheckInRule,
} from '../../../cloudfunctions/services/domain/checkIn';
import { communityCentre } from '../../../cloudfunctions/services/domain/places';
import { timelineText, transition } from '../../../cloudfunctions/services/domain/orders';
import type { OrderDoc } from '../../../cloudfunctions/services/documents';
import { beijing } from '../../support/beijing';

const MIN = 60_000;
const lukou = communityCentre('jn-lukou-lukou');
const atLukou = { latitude: lukou.lat, longitude: lukou.lng };
/** A point `km` north of 禄口's centre (1° of latitude ≈ 111.2 km). */
const north = (km: number) => ({ latitude: lukou.lat + km / 111.195, longitude: lukou.lng });
const order = { slot: '2026-06-07/am', communityId: 'jn-lukou-lukou' };

/** What requireReason throws, or undefined. */
function refusal(fn: () => void): AppError | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

describe('the check-in rule', () => {
  it('defaults to 2 hours before the slot starts until it ends, within 500 m', () => {
    expect(checkInRuleOf(undefined)).toEqual({ earlyMinutes: 120, lateMinutes: 0, radiusM: 500 });
    expect(DEFAULT_CHECK_IN_RULE).toEqual({
      earlyMinutes: SERVICES_LIMITS.checkInEarlyMinutes,
      lateMinutes: SERVICES_LIMITS.checkInLateMinutes,
      radiusM: SERVICES_LIMITS.checkInRadiusM,
    });
    expect(checkInWindow('2026-06-07/am', DEFAULT_CHECK_IN_RULE)).toEqual({
      opens: beijing('2026-06-07T06:00:00'),
      closes: beijing('2026-06-07T12:00:00'),
    });
    expect(checkInWindow('2026-06-07/pm', DEFAULT_CHECK_IN_RULE)).toEqual({
      opens: beijing('2026-06-07T11:30:00'),
      closes: beijing('2026-06-07T17:30:00'),
    });
    expect(
      checkInRuleOf({
        earlyMinutes: 30,
        lateMinutes: 60,
        radiusM: 1500,
        setBy: 'a',
        updatedAt: new Date(),
      } as never),
    ).toEqual({ earlyMinutes: 30, lateMinutes: 60, radiusM: 1500 });
  });

  it('includes both ends of the window', () => {
    const w = checkInWindow('2026-06-07/am', DEFAULT_CHECK_IN_RULE);
    expect(phaseAt(w, new Date(w.opens.getTime() - 1))).toBe('early');
    expect(phaseAt(w, w.opens)).toBe('open');
    expect(phaseAt(w, w.closes)).toBe('open');
    expect(phaseAt(w, new Date(w.closes.getTime() + 1))).toBe('late');
  });

  it('measures from the centre of the order’s community', () => {
    const start = beijing('2026-06-07T08:10:00');
    expect(assessCheckIn(order, DEFAULT_CHECK_IN_RULE, start, atLukou)).toMatchObject({
      departures: [],
      distanceM: 0,
    });
    const inside = assessCheckIn(order, DEFAULT_CHECK_IN_RULE, start, north(0.45));
    expect(inside.departures).toEqual([]);
    expect(inside.distanceM).toBeCloseTo(450, 0);
    expect(assessCheckIn(order, DEFAULT_CHECK_IN_RULE, start, north(0.55)).departures).toEqual(['far']);
    // Two days early and 3 km away.
    expect(
      assessCheckIn(order, DEFAULT_CHECK_IN_RULE, beijing('2026-06-05T08:00:00'), north(3)).departures,
    ).toEqual(['early', 'far']);
    expect(
      assessCheckIn(order, DEFAULT_CHECK_IN_RULE, beijing('2026-06-07T12:01:00'), atLukou).departures,
    ).toEqual(['late']);
    // A community's own rule.
    const own: CheckInRule = { earlyMinutes: 30, lateMinutes: 60, radiusM: 1000 };
    expect(assessCheckIn(order, own, beijing('2026-06-07T07:00:00'), north(0.8)).departures).toEqual([
      'early',
    ]);
    expect(assessCheckIn(order, own, beijing('2026-06-07T12:59:00'), north(0.8)).departures).toEqual([]);
  });
});

describe('a check-in outside the rule', () => {
  it('is refused without a reason, in plain words, with an issue on `reason`', () => {
    const early = assessCheckIn(order, DEFAULT_CHECK_IN_RULE, beijing('2026-06-05T08:00:00'), north(3.2));
    const err = refusal(() => requireReason(early, DEFAULT_CHECK_IN_RULE, undefined));
    expect(err).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        '现在还没到约定的签到时间（6月7日 06:00 至 12:00）；您离居民所在社区约 3.2 公里，约定在 500 米内签到。如确需现在签到，请写明原因。',
      issues: [{ path: 'reason', message: '请写明原因（早于约定时间、离居民所在社区较远）' }],
    });
    const late = assessCheckIn(order, DEFAULT_CHECK_IN_RULE, beijing('2026-06-07T13:00:00'), atLukou);
    expect(refusal(() => requireReason(late, DEFAULT_CHECK_IN_RULE, ''))?.message).toBe(
      '现在已经过了约定的签到时间（6月7日 06:00 至 12:00）。如确需现在签到，请写明原因。',
    );
    expect(
      refusal(() => requireReason(late, DEFAULT_CHECK_IN_RULE, '老人上午不在家，改到下午')),
    ).toBeUndefined();
  });

  it('reads on the timeline and on the admin’s list with its reason', () => {
    const accepted = {
      _id: 'o1',
      status: 'accepted',
      slot: order.slot,
      communityId: order.communityId,
      timeline: [],
    } as unknown as OrderDoc;
    const by = { id: 's1', name: '心苑 社工小林', role: 'provider' as const };
    const { order: next, entry } = transition(
      accepted,
      {
        kind: 'checkIn',
        ...north(3),
        distanceKm: 3,
        departures: ['early', 'far'],
        reason: '老人约了上午去医院',
      },
      by,
      beijing('2026-06-05T08:00:00'),
    );
    expect(next.checkIn).toMatchObject({ departures: ['early', 'far'], reason: '老人约了上午去医院' });
    expect(entry).toMatchObject({
      event: 'checked_in',
      note: '老人约了上午去医院',
      departures: ['early', 'far'],
    });
    expect(timelineText(entry)).toBe('服务人员签到，开始服务（早于约定时间、离居民所在社区较远）');
    expect(exceptionText(next.checkIn!)).toBe('签到早于约定时间、离居民所在社区较远：老人约了上午去医院');
    // In order: nothing extra is kept, and it reads as before.
    const plain = transition(
      accepted,
      { kind: 'checkIn', ...atLukou, distanceKm: 0, departures: [] },
      by,
      beijing('2026-06-07T08:00:00'),
    );
    expect(plain.order.checkIn).not.toHaveProperty('departures');
    expect(plain.entry).not.toHaveProperty('departures');
    expect(timelineText(plain.entry)).toBe('服务人员已到达，开始服务');
    expect(exceptionText(plain.order.checkIn!)).toBeUndefined();
  });
});

describe('words', () => {
  it('says the window, the rule and distances plainly', () => {
    expect(windowHint(order, DEFAULT_CHECK_IN_RULE, beijing('2026-06-06T20:00:00'))).toEqual({
      text: '6月7日 06:00 至 12:00，居民所在社区 500 米内',
      now: 'early',
    });
    // A window that opens the evening before names both days.
    expect(
      windowHint(order, { earlyMinutes: 600, lateMinutes: 0, radiusM: 500 }, beijing('2026-06-06T23:00:00')),
    ).toEqual({ text: '6月6日 22:00 至 6月7日 12:00，居民所在社区 500 米内', now: 'open' });
    expect(ruleText(DEFAULT_CHECK_IN_RULE)).toBe(
      '服务开始前 2 小时到服务时段结束、居民所在社区 500 米内签到，不需说明原因',
    );
    expect(ruleText({ earlyMinutes: 0, lateMinutes: 90, radiusM: 1000 })).toBe(
      '服务开始时到服务时段结束后 1 小时 30 分钟、居民所在社区 1000 米内签到，不需说明原因',
    );
    expect([3, 454, 999, 1000, 3249].map(distanceText)).toEqual([
      '10 米',
      '450 米',
      '1000 米',
      '1.0 公里',
      '3.2 公里',
    ]);
  });

  it('refuses check-out before check-in and after it, plainly', () => {
    expect(checkOutRefusal('in_service')).toBeUndefined();
    expect(checkOutRefusal('accepted')).toBe('还没有签到，请先签到再签退');
    expect(checkOutRefusal('completed')).toBe('这个工单已经签退过了');
    expect(checkOutRefusal('confirmed')).toBe('这个工单已经签退过了');
    expect(checkOutRefusal('matched')).toBe('工单不在服务中，不能签退');
  });
});

describe('properties', () => {
  const rules = fc.record({
    earlyMinutes: fc.integer({ min: 0, max: SERVICES_LIMITS.checkInEarlyMinutesMax }),
    lateMinutes: fc.integer({ min: 0, max: SERVICES_LIMITS.checkInLateMinutesMax }),
    radiusM: fc.integer({ min: SERVICES_LIMITS.checkInRadiusMinM, max: SERVICES_LIMITS.checkInRadiusMaxM }),
  });
  const slots = fc
    .tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('am', 'pm'))
    .map(
      ([day, period]) =>
        `${new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)}/${period}`,
    );
  /** An instant within three days of the slot. */
  const around = (slot: string) => {
    const start = checkInWindow(slot, { earlyMinutes: 0, lateMinutes: 0, radiusM: 1 }).opens.getTime();
    return fc.integer({ min: -3 * 1440, max: 3 * 1440 }).map((m) => new Date(start + m * MIN));
  };
  const distances = fc.double({ min: 0, max: 20_000, noNaN: true });

  it('a check-in needs no reason exactly when it is inside the window and the radius; never both early and late', () => {
    fc.assert(
      fc.property(
        rules,
        slots.chain((s) => fc.tuple(fc.constant(s), around(s))),
        distances,
        (rule, [slot, at], d) => {
          const w = checkInWindow(slot, rule);
          const departures = departuresOf(w, rule.radiusM, at, d);
          const inside = w.opens <= at && at <= w.closes && d <= rule.radiusM;
          expect(departures.length === 0).toBe(inside);
          expect(departures.includes('early') && departures.includes('late')).toBe(false);
          expect(departures.includes('far')).toBe(d > rule.radiusM);
        },
      ),
    );
  });

  it('widening a community’s rule never adds a departure', () => {
    const wider = fc.record({
      early: fc.integer({ min: 0, max: 300 }),
      late: fc.integer({ min: 0, max: 300 }),
      radius: fc.integer({ min: 0, max: 3000 }),
    });
    fc.assert(
      fc.property(
        rules,
        wider,
        slots.chain((s) => fc.tuple(fc.constant(s), around(s))),
        distances,
        (rule, more, [slot, at], d) => {
          const wide: CheckInRule = {
            earlyMinutes: rule.earlyMinutes + more.early,
            lateMinutes: rule.lateMinutes + more.late,
            radiusM: rule.radiusM + more.radius,
          };
          const narrow = departuresOf(checkInWindow(slot, rule), rule.radiusM, at, d);
          const broad = departuresOf(checkInWindow(slot, wide), wide.radiusM, at, d);
          expect(broad.every((x: CheckInDeparture) => narrow.includes(x))).toBe(true);
        },
      ),
    );
  });

  it('a reason is demanded exactly when the check-in departs from the rule and none is given', () => {
    fc.assert(
      fc.property(
        rules,
        slots.chain((s) => fc.tuple(fc.constant(s), around(s))),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.option(fc.constantFrom('老人约了提前上门', '在医院碰头'), { nil: undefined }),
        (rule, [slot, at], dLat, reason) => {
          const a = assessCheckIn({ slot, communityId: 'jn-lukou-lukou' }, rule, at, {
            latitude: lukou.lat + dLat,
            longitude: lukou.lng,
          });
          const err = refusal(() => requireReason(a, rule, reason));
          expect(err !== undefined).toBe(a.departures.length > 0 && !reason);
          if (err)
            expect(err.issues).toEqual([{ path: 'reason', message: expect.stringContaining('请写明原因') }]);
        },
      ),
    );
  });
});
