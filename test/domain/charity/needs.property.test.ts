/** Claims: a need is never over-claimed, whatever the order of claims, releases and partial receipts. */
import fc from 'fast-check';
import {
  activeUnits,
  checkClaimable,
  checkPledgeBy,
  needState,
  releaseClaim,
  tryClaim,
  type NeedLike,
} from '../../../cloudfunctions/charity/domain/needs';

const now = new Date('2026-05-10T02:00:00Z');
const fresh = (quantity: number): NeedLike => ({
  quantity,
  available: quantity,
  delivered: 0,
  closed: false,
  deadline: new Date('2026-06-01T00:00:00Z'),
  moderation: 'pass',
  claims: {},
});

type Op = { kind: 'claim'; donor: number; q: number } | { kind: 'release'; donor: number; keep: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), donor: fc.nat(15), q: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('release' as const), donor: fc.nat(15), keep: fc.nat(4) }),
);

it('available always equals quantity minus active claims, and never goes below zero', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 30 }), fc.array(op, { maxLength: 60 }), (quantity, ops) => {
      let need = fresh(quantity);
      for (const o of ops) {
        const id = `d${o.donor}`;
        if (o.kind === 'claim') need = tryClaim(need, id, o.q, now) ?? need;
        else need = releaseClaim(need, id, o.keep);
        if (need.available < 0 || need.available !== quantity - activeUnits(need.claims)) return false;
      }
      return true;
    }),
  );
});

it('racing claims for the last units: exactly the units left are handed out', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 20 }),
      fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 100 }),
      (left, wants) => {
        let need = { ...fresh(50), available: left };
        let granted = 0;
        wants.forEach((q, i) => {
          const next = tryClaim(need, `donor-${i}`, q, now);
          if (next) {
            granted += q;
            need = next;
          }
        });
        return granted <= left && need.available === left - granted;
      },
    ),
  );
});

it('a claim is applied once per donation id (a retried tap reserves nothing more)', () => {
  const once = tryClaim(fresh(5), 'd1', 2, now)!;
  expect(tryClaim(once, 'd1', 2, now)).toBeUndefined();
  expect(once.available).toBe(3);
});

it('releasing is safe to repeat, and a partial receipt keeps only what was brought', () => {
  let need = tryClaim(fresh(5), 'd1', 3, now)!;
  need = releaseClaim(need, 'd1', 1);
  expect(need.available).toBe(4);
  expect(need.claims.d1).toMatchObject({ q: 1, state: 'active' });
  need = releaseClaim(need, 'd1');
  const again = releaseClaim(need, 'd1');
  expect(again).toBe(need);
  expect(need.available).toBe(5);
  expect(need.claims.d1!.state).toBe('released');
});

it('refuses claims on closed, expired, held or exhausted needs with the matching error', () => {
  expect(() => checkClaimable(undefined, 1, now)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  expect(() => checkClaimable({ ...fresh(3), moderation: 'review' }, 1, now)).toThrow(
    expect.objectContaining({ code: 'NOT_FOUND' }),
  );
  expect(() => checkClaimable({ ...fresh(3), closed: true }, 1, now)).toThrow(
    expect.objectContaining({ code: 'CONFLICT' }),
  );
  expect(() => checkClaimable({ ...fresh(3), deadline: now }, 1, now)).toThrow(
    expect.objectContaining({ code: 'CONFLICT' }),
  );
  expect(() => checkClaimable({ ...fresh(3), available: 1 }, 2, now)).toThrow(
    expect.objectContaining({ code: 'LIMIT_REACHED', message: '这个心愿只剩 1 件可认领' }),
  );
  expect(() => checkClaimable(fresh(3), 3, now)).not.toThrow();
  expect(tryClaim({ ...fresh(3), closed: true }, 'x', 1, now)).toBeUndefined();
});

it('states: open, full, closed, expired, fulfilled', () => {
  expect(needState(fresh(2), now)).toBe('open');
  expect(needState({ ...fresh(2), available: 0 }, now)).toBe('full');
  expect(needState({ ...fresh(2), closed: true }, now)).toBe('closed');
  expect(needState({ ...fresh(2), deadline: new Date('2026-05-01') }, now)).toBe('expired');
  expect(needState({ ...fresh(2), available: 0, delivered: 2, closed: true }, now)).toBe('fulfilled');
});

it('pledge dates: after an hour, within 14 days and before the deadline', () => {
  const hour = 3_600_000;
  expect(() => checkPledgeBy(new Date(now.getTime() + 2 * hour), now)).not.toThrow();
  expect(() => checkPledgeBy(new Date(now.getTime() + 0.5 * hour), now)).toThrow(
    expect.objectContaining({ code: 'INVALID_INPUT' }),
  );
  expect(() => checkPledgeBy(new Date(now.getTime() + 15 * 24 * hour), now)).toThrow();
  expect(() =>
    checkPledgeBy(new Date(now.getTime() + 3 * 24 * hour), now, new Date(now.getTime() + 2 * 24 * hour)),
  ).toThrow();
});
