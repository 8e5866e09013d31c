/** Hours credited at check-out and the ledger's verify/adjust rules, with properties over random histories. */
import fc from 'fast-check';
import {
  BADGES,
  badgeFor,
  creditedMinutes,
  hoursText,
  ledgerState,
  planAdjust,
  planCredit,
  planVerify,
  type Movement,
} from '../../../cloudfunctions/volunteering/domain/hours';

const start = new Date('2026-05-01T01:00:00Z');
const end = new Date('2026-05-01T03:00:00Z');
const min = (m: number) => new Date(start.getTime() + m * 60_000);

describe('creditedMinutes', () => {
  it('counts the actual stay', () => {
    expect(creditedMinutes(min(10), min(70), { startAt: start, endAt: end })).toEqual({
      minutes: 60,
      capped: false,
    });
  });
  it('caps at the scheduled duration (early arrival, late departure)', () => {
    expect(creditedMinutes(min(-30), min(150), { startAt: start, endAt: end })).toEqual({
      minutes: 120,
      capped: true,
    });
  });
  it('property: between 0 and both the actual and the scheduled time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -120, max: 600 }), fc.integer({ min: -120, max: 600 }), (a, b) => {
        const { minutes } = creditedMinutes(min(a), min(b), { startAt: start, endAt: end });
        expect(minutes).toBeGreaterThanOrEqual(0);
        expect(minutes).toBeLessThanOrEqual(120);
        expect(minutes).toBeLessThanOrEqual(Math.max(0, b - a));
      }),
    );
  });
});

describe('ledger', () => {
  const entryOf = (m: Movement, n: number) => ({ ...m, n });

  it('credit → verify moves the minutes to verified; a second verify is refused', () => {
    const credit = entryOf(planCredit(90), 1);
    const verify = entryOf(planVerify(ledgerState([credit])), 2);
    expect(ledgerState([credit, verify])).toEqual({ n: 2, pending: 0, verified: 90, isVerified: true });
    expect(() => planVerify(ledgerState([credit, verify]))).toThrow(/已确认/);
  });

  it('verifying a different amount needs a reason; without a credit it needs minutes and a reason', () => {
    const state = ledgerState([entryOf(planCredit(120), 1)]);
    expect(() => planVerify(state, 60)).toThrow(/原因/);
    expect(planVerify(state, 60, '提前离开')).toMatchObject({ pendingDelta: -120, verifiedDelta: 60 });
    expect(() => planVerify(ledgerState([]))).toThrow(/分钟/);
    expect(() => planVerify(ledgerState([]), 60)).toThrow(/原因/);
    expect(planVerify(ledgerState([]), 60, '手机没电，现场确认')).toMatchObject({ verifiedAfter: 60 });
  });

  it('adjusting hits the unverified balance before verification and the verified one after; never below zero', () => {
    const credit = entryOf(planCredit(60), 1);
    expect(planAdjust(ledgerState([credit]), -30, '迟到')).toMatchObject({
      pendingAfter: 30,
      verifiedAfter: 0,
    });
    const verify = entryOf(planVerify(ledgerState([credit])), 2);
    expect(planAdjust(ledgerState([credit, verify]), 15, '补录')).toMatchObject({
      pendingAfter: 0,
      verifiedAfter: 75,
      verified: true,
    });
    expect(() => planAdjust(ledgerState([credit]), -61, '错误')).toThrow(/负/);
    expect(() => planAdjust(ledgerState([]), 10, '无')).toThrow(/还没有/);
  });

  it('property: balances equal the sums of deltas and never go negative', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('verify' as const),
        minutes: fc.option(fc.integer({ min: 0, max: 300 })),
      }),
      fc.record({ kind: fc.constant('adjust' as const), delta: fc.integer({ min: -200, max: 200 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 720 }), fc.array(step, { maxLength: 12 }), (credit, steps) => {
        const entries = [entryOf(planCredit(credit), 1)];
        for (const s of steps) {
          const state = ledgerState(entries);
          try {
            const m =
              s.kind === 'verify'
                ? planVerify(state, s.minutes ?? undefined, s.minutes === null ? undefined : '更正')
                : planAdjust(state, s.delta === 0 ? 1 : s.delta, '更正');
            entries.push(entryOf(m, state.n + 1));
          } catch {
            // Refused steps write nothing.
          }
          const after = ledgerState(entries);
          expect(after.pending).toBe(entries.reduce((t, e) => t + e.pendingDelta, 0));
          expect(after.verified).toBe(entries.reduce((t, e) => t + e.verifiedDelta, 0));
          expect(after.pending).toBeGreaterThanOrEqual(0);
          expect(after.verified).toBeGreaterThanOrEqual(0);
          // Verified once, verified for good; at most one verify entry.
          expect(entries.filter((e) => e.kind === 'verify').length).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('badges', () => {
  it('follow the tiers', () => {
    expect(badgeFor(30)).toEqual({ nextBadge: { ...BADGES[0], minutesToGo: 30 } });
    expect(badgeFor(100 * 60).badge?.name).toBe('一星志愿者');
    expect(badgeFor(1600 * 60)).toEqual({ badge: BADGES[BADGES.length - 1] });
  });
  it('property: more hours never lower the badge', () => {
    fc.assert(
      fc.property(fc.nat(200_000), fc.nat(50_000), (m, extra) => {
        const tier = (x: number) => BADGES.indexOf(badgeFor(x).badge ?? (undefined as never));
        expect(tier(m + extra)).toBeGreaterThanOrEqual(tier(m));
      }),
    );
  });
  it('hours read as people say them', () => {
    expect(hoursText(150)).toBe('2.5');
    expect(hoursText(120)).toBe('2');
    expect(hoursText(100)).toBe('1.7');
  });
});
