/**
 * Seats and the waitlist as a function of arrival order. The property drives random sign-ups, cancellations and
 * capacity changes the way the function applies them to the activity document, and checks the invariants after
 * every step: capacity never exceeded, FIFO waitlist, a freed seat promotes exactly the earliest waiting volunteer.
 */
import fc from 'fast-check';
import {
  admittedIds,
  beforeCancellation,
  promotedBetween,
  seatCounts,
  standingOf,
  standings,
} from '../../../cloudfunctions/volunteering/domain/roster';
import type { MemberEntry } from '../../../cloudfunctions/volunteering/documents';

const t = new Date('2026-05-01T00:00:00Z');
const entry = (v: string): MemberEntry => ({ v, o: `o-${v}`, t });

describe('roster', () => {
  it('admits the first capacity members and queues the rest in arrival order', () => {
    const members = ['a', 'b', 'c', 'd', 'e'].map(entry);
    const s = standings(members, 2);
    expect(s.map((x) => [x.entry.v, x.standing, x.position])).toEqual([
      ['a', 'admitted', undefined],
      ['b', 'admitted', undefined],
      ['c', 'waiting', 1],
      ['d', 'waiting', 2],
      ['e', 'waiting', 3],
    ]);
    expect(standingOf(members, 2, { openid: 'o-d' })).toMatchObject({ ticket: 3, position: 2 });
  });

  it('a cancelled seat goes to the first in line, once', () => {
    const before = ['a', 'b', 'c', 'd'].map(entry);
    const after = before.map((m, i) => (i === 0 ? { ...m, c: t } : m));
    expect(beforeCancellation(after, 0)).toEqual(before);
    expect(
      promotedBetween({ members: before, capacity: 2 }, { members: after, capacity: 2 }).map((m) => m.v),
    ).toEqual(['c']);
    // A waiting volunteer leaving promotes nobody.
    const waitingLeft = before.map((m, i) => (i === 3 ? { ...m, c: t } : m));
    expect(promotedBetween({ members: before, capacity: 2 }, { members: waitingLeft, capacity: 2 })).toEqual(
      [],
    );
  });

  it('a larger capacity promotes as many as it adds', () => {
    const members = ['a', 'b', 'c', 'd', 'e'].map(entry);
    const moved = promotedBetween({ members, capacity: 2 }, { members, capacity: 4 });
    expect(moved.map((m) => m.v)).toEqual(['c', 'd']);
  });

  it('counts seats from the active count', () => {
    expect(seatCounts(3, 5)).toEqual({ admitted: 3, waiting: 0, seatsLeft: 2 });
    expect(seatCounts(8, 5)).toEqual({ admitted: 5, waiting: 3, seatsLeft: 0 });
  });

  type Op = { kind: 'signUp'; v: number } | { kind: 'cancel'; v: number } | { kind: 'capacity'; to: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ kind: fc.constant('signUp' as const), v: fc.integer({ min: 0, max: 15 }) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('cancel' as const), v: fc.integer({ min: 0, max: 15 }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('capacity' as const), to: fc.integer({ min: 1, max: 8 }) }),
    },
  );

  it('property: never over capacity, FIFO, and each freed seat promotes exactly the earliest waiting volunteer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 60 }), (cap0, ops) => {
        let members: MemberEntry[] = [];
        let capacity = cap0;
        for (const o of ops) {
          const v = `v${o.kind === 'capacity' ? 0 : o.v}`;
          const active = () => standings(members, capacity);
          if (o.kind === 'signUp') {
            // The update's condition: not already active.
            if (active().some((s) => s.entry.v === v)) continue;
            members = [...members, entry(v)];
            const mine = standingOf(members, capacity, { volunteerId: v })!;
            expect(mine.ticket).toBe(members.length - 1);
            // Admitted exactly when there was a free seat and nobody waiting.
            expect(mine.standing === 'admitted').toBe(active().length <= capacity);
          } else if (o.kind === 'cancel') {
            const mine = standingOf(members, capacity, { volunteerId: v });
            if (!mine) continue;
            const waitingBefore = active().filter((s) => s.standing === 'waiting');
            const after = members.map((m, i) => (i === mine.ticket ? { ...m, c: t } : m));
            expect(beforeCancellation(after, mine.ticket)).toEqual(members);
            const moved = promotedBetween({ members, capacity }, { members: after, capacity });
            if (mine.standing === 'admitted' && waitingBefore.length > 0) {
              expect(moved.map((m) => m.v)).toEqual([waitingBefore[0]!.entry.v]);
            } else {
              expect(moved).toEqual([]);
            }
            members = after;
          } else {
            // The organizer may grow capacity freely but never shrink it below the seats held.
            const held = admittedIds(members, capacity).length;
            if (o.to < held) continue;
            const waiting = active().filter((s) => s.standing === 'waiting').length;
            const moved = promotedBetween({ members, capacity }, { members, capacity: o.to });
            expect(moved.length).toBe(Math.max(0, Math.min(waiting, o.to - capacity)));
            capacity = o.to;
          }
          const s = active();
          const admitted = s.filter((x) => x.standing === 'admitted');
          const waiting = s.filter((x) => x.standing === 'waiting');
          expect(admitted.length).toBe(Math.min(capacity, s.length));
          // FIFO: every seat holder arrived before everyone waiting; positions run 1, 2, 3 … in ticket order.
          if (admitted.length > 0 && waiting.length > 0)
            expect(Math.max(...admitted.map((x) => x.ticket))).toBeLessThan(
              Math.min(...waiting.map((x) => x.ticket)),
            );
          expect(waiting.map((x) => x.position)).toEqual(waiting.map((_x, i) => i + 1));
          expect(new Set(s.map((x) => x.entry.v)).size).toBe(s.length);
          expect(seatCounts(s.length, capacity).admitted).toBe(admitted.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
