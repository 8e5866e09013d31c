/**
 * The points ledger's invariant: for any sequence of earn / spend / give / refund / receive / adjust / expire,
 * folded through planMovement the way appendEntry extends a chain, the balance is the sum of the applied deltas,
 * never below zero; spends and gifts the balance does not cover are refused (nothing applied); compensations take
 * at most what is there and record the rest.
 */
import fc from 'fast-check';
import type { EntryKind } from '../../../cloudfunctions/common/points/documents';
import {
  EMPTY_HEAD,
  expiringAmount,
  expiryCutoff,
  nextExpiry,
  hoursToNextStar,
  isInsufficient,
  planMovement,
  pointsForHoursEntry,
  pointsForMinutes,
  starLevel,
  type LedgerHead,
} from '../../../cloudfunctions/common/points/ledger';

const step = fc.oneof(
  fc.record({ kind: fc.constant<EntryKind>('earn'), delta: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ kind: fc.constant<EntryKind>('receive'), delta: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant<EntryKind>('refund'), delta: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant<EntryKind>('spend'), delta: fc.integer({ min: -600, max: -1 }) }),
  fc.record({ kind: fc.constant<EntryKind>('give'), delta: fc.integer({ min: -600, max: -1 }) }),
  fc.record({ kind: fc.constant<EntryKind>('expire'), delta: fc.integer({ min: -600, max: -1 }) }),
  fc.record({ kind: fc.constant<EntryKind>('adjust'), delta: fc.integer({ min: -600, max: 600 }) }),
);

describe('the points ledger', () => {
  it('keeps balance == sum of entries and never below zero, for any sequence', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let head: LedgerHead = EMPTY_HEAD;
        const applied: number[] = [];
        for (const s of steps) {
          const m = planMovement(head, s.kind, s.delta);
          if (isInsufficient(m)) {
            expect(['spend', 'give']).toContain(s.kind);
            expect(m.balance).toBe(head.balanceAfter);
            expect(head.balanceAfter + s.delta).toBeLessThan(0);
            continue;
          }
          expect(m.n).toBe(head.n + 1);
          expect(m.balanceAfter).toBeGreaterThanOrEqual(0);
          // A compensation takes what is there; what it could not take is recorded, not lost.
          expect(m.delta + (m.shortfall ?? 0) * -1).toBe(s.delta);
          if (s.delta >= 0 || head.balanceAfter + s.delta >= 0) expect(m.delta).toBe(s.delta);
          applied.push(m.delta);
          head = m;
        }
        expect(head.balanceAfter).toBe(applied.reduce((a, b) => a + b, 0));
        expect(head.n).toBe(applied.length);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a spend the balance does not cover, and lets one that it exactly covers', () => {
    const head = { n: 3, balanceAfter: 30, earnedAfter: 30 };
    expect(planMovement(head, 'spend', -31)).toEqual({ insufficient: true, balance: 30 });
    expect(planMovement(head, 'spend', -30)).toMatchObject({ n: 4, balanceAfter: 0 });
    expect(planMovement(head, 'adjust', -50)).toMatchObject({ delta: -30, balanceAfter: 0, shortfall: 20 });
    expect(() => planMovement(head, 'earn', 1.5)).toThrow();
  });

  it('values verified time so that an earn and its compensations add up to the final time', () => {
    expect(pointsForMinutes(90, 10)).toBe(15);
    expect(pointsForMinutes(59, 10)).toBe(9);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -120, max: 240 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 50 }),
        (deltas, rate) => {
          let minutes = 0;
          let points = 0;
          for (const d of deltas) {
            const after = Math.max(0, minutes + d);
            points += pointsForHoursEntry(minutes, after, rate);
            minutes = after;
          }
          expect(points).toBe(pointsForMinutes(minutes, rate));
        },
      ),
    );
  });

  it('gives star levels by cumulative hours, with configurable thresholds', () => {
    const stars = [100, 300, 600, 1000, 1500];
    expect(starLevel(99 * 60, stars)).toBe(0);
    expect(starLevel(100 * 60, stars)).toBe(1);
    expect(starLevel(1500 * 60, stars)).toBe(5);
    expect(hoursToNextStar(250 * 60, stars)).toBe(50);
    expect(hoursToNextStar(1600 * 60, stars)).toBeUndefined();
    expect(starLevel(12 * 60, [10, 20])).toBe(1);
  });
});

describe('expiry', () => {
  const at = (iso: string) => new Date(`${iso}+08:00`);

  it('cuts off at the start of the Beijing year, expiryYears back; never with 0', () => {
    expect(expiryCutoff(at('2029-01-01T00:30:00'), 2)).toEqual(at('2027-01-01T00:00:00'));
    expect(expiryCutoff(at('2028-12-31T23:59:00'), 2)).toEqual(at('2026-01-01T00:00:00'));
    expect(expiryCutoff(at('2029-01-01T00:30:00'), 0)).toBeUndefined();
    expect(nextExpiry(at('2028-12-01T10:00:00'), 2)).toEqual({
      at: at('2029-01-01T00:00:00'),
      cutoff: at('2027-01-01T00:00:00'),
    });
  });

  it('expires the oldest points not used up, never more than the balance, and nothing twice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 2000 }),
        (earnedBefore, earnedSince, used) => {
          const earned = earnedBefore + earnedSince;
          const usedUp = Math.min(used, earned);
          const head = { n: 1, earnedAfter: earned, balanceAfter: earned - usedUp };
          const x = expiringAmount(earnedBefore, head);
          expect(x).toBe(Math.max(0, Math.min(head.balanceAfter, earnedBefore - usedUp)));
          expect(x).toBeLessThanOrEqual(head.balanceAfter);
          const after = { ...head, n: 2, balanceAfter: head.balanceAfter - x };
          expect(expiringAmount(earnedBefore, after)).toBe(0);
        },
      ),
    );
  });
});
