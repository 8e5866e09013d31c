/**
 * Property: no generated sequence of bookings, cancellations, closures (and their removal), team approvals and
 * team exceptions ever leaves a room over capacity, a person over their weekly limit, a booking on a closed day
 * or in a team's time — even when each operation was decided on a stale read of the room (as concurrent calls
 * are), because each is applied only if its change's conditions hold on the room as it is (what the database's
 * conditional update does; domain/change.ts applies the same rule in memory).
 */
import fc from 'fast-check';
import {
  isRefusal,
  planBooking,
  planCancel,
  planClosure,
  planException,
  planReopen,
  planTeamSlot,
} from '../../../cloudfunctions/rooms/domain/booking';
import { applyChange } from '../../../cloudfunctions/rooms/domain/change';
import { meetingsOn, overlaps, parseSlotKey, slotKeyOf } from '../../../cloudfunctions/rooms/domain/slots';
import type { Hold, RoomDoc } from '../../../cloudfunctions/rooms/documents';
import { addDays } from '../../../miniprogram/shared/calendar';
import { beijing } from '../../support/beijing';

const MONDAY = '2026-12-07';
const NOW = beijing(`${MONDAY}T06:00`);
const CAPACITY = 6;
const LIMIT = 240;

const emptyRoom = (): RoomDoc => ({
  _id: 'r1',
  communityId: 'c',
  communityName: '禄口社区',
  placePath: ['d', 's', 'c'],
  name: '多功能室',
  kind: '多功能室',
  photos: [],
  capacity: CAPACITY,
  equipment: [],
  rules: '',
  accessible: true,
  accessNote: '',
  address: '',
  hours: Array.from({ length: 7 }, () => ({ open: 8 * 60, close: 14 * 60 })),
  slotMinutes: 60,
  weeklyLimitMinutes: LIMIT,
  cancelBeforeMinutes: 60,
  managers: [],
  managerIds: [],
  closures: [],
  teams: [],
  used: {},
  mins: {},
  holds: {},
  rulesRev: 0,
  rev: 0,
  createdBy: 'a',
  createdAt: NOW,
  updatedAt: NOW,
});

type Op =
  | { kind: 'book'; user: number; day: number; slot: number; slots: number; people: number; lag: number }
  | { kind: 'cancel'; pick: number; lag: number }
  | { kind: 'close'; day: number; len: number; lag: number }
  | { kind: 'reopen'; lag: number }
  | { kind: 'team'; team: number; weekday: number; slot: number; len: number; lag: number }
  | { kind: 'skip'; team: number; week: number; lag: number }
  | { kind: 'move'; team: number; week: number; day: number; slot: number; lag: number };

const lag = fc.nat(4);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      user: fc.nat(3),
      day: fc.nat(8),
      slot: fc.nat(5),
      slots: fc.integer({ min: 1, max: 3 }),
      people: fc.integer({ min: 1, max: 4 }),
      lag,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(), lag }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('close' as const), day: fc.nat(8), len: fc.nat(2), lag }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), lag }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('team' as const),
      team: fc.nat(2),
      weekday: fc.nat(6),
      slot: fc.nat(5),
      len: fc.integer({ min: 1, max: 2 }),
      lag,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('skip' as const), team: fc.nat(2), week: fc.nat(1), lag }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      team: fc.nat(2),
      week: fc.nat(1),
      day: fc.nat(8),
      slot: fc.nat(5),
      lag,
    }),
  },
);

const startOf = (slot: number) => 8 * 60 + slot * 60;

/** Plans `o` on `read` (a possibly stale room); the change, or undefined when the rules refuse. */
function plan(o: Op, read: RoomDoc, n: number, made: Map<string, { hold: Hold; startAt: Date }>) {
  switch (o.kind) {
    case 'book': {
      const id = `b${n}`;
      const p = planBooking(
        read,
        { id: `u${o.user}`, openid: `o${o.user}` },
        id,
        { date: addDays(MONDAY, o.day), start: startOf(o.slot), slots: o.slots, people: o.people },
        NOW,
      );
      if (isRefusal(p)) return undefined;
      return { change: p.change, made: { id, hold: p.hold, startAt: p.startAt } };
    }
    case 'cancel': {
      const ids = [...made.keys()];
      if (ids.length === 0) return undefined;
      const id = ids[o.pick % ids.length]!;
      const b = made.get(id)!;
      const c = planCancel({ _id: id, startAt: b.startAt, cancelBeforeMinutes: 60 }, b.hold, NOW);
      return isRefusal(c) ? undefined : { change: c };
    }
    case 'close': {
      const from = addDays(MONDAY, o.day);
      const c = planClosure(read, {
        id: `c${n}`,
        from,
        to: addDays(from, o.len),
        reason: '维修',
        by: 'a',
        at: NOW,
      });
      return isRefusal(c) ? undefined : { change: c.change };
    }
    case 'reopen': {
      const first = read.closures[0];
      if (!first) return undefined;
      const c = planReopen(read, first.id);
      return isRefusal(c) ? undefined : { change: c };
    }
    case 'team': {
      const slot = {
        teamId: `t${o.team}`,
        name: `团队${o.team}`,
        weekday: o.weekday,
        start: startOf(o.slot),
        end: startOf(o.slot) + o.len * 60,
        skips: [],
        moves: [],
      };
      const c = planTeamSlot(read, slot, NOW);
      return isRefusal(c) ? undefined : { change: c };
    }
    case 'skip':
    case 'move': {
      const t = read.teams.find((x) => x.teamId === `t${o.team}`);
      if (!t) return undefined;
      const date = addDays(MONDAY, ((t.weekday + 6) % 7) + 7 * o.week);
      const ex =
        o.kind === 'skip'
          ? { kind: 'skip' as const, date }
          : { kind: 'move' as const, date, toDate: addDays(MONDAY, o.day), toStart: startOf(o.slot) };
      const c = planException(read, t.teamId, ex, NOW);
      return isRefusal(c) ? undefined : { change: c };
    }
  }
}

/** What must hold of the room after every step. */
function violations(room: RoomDoc): string[] {
  const out: string[] = [];
  const perSlot = new Map<string, number>();
  const perWeek = new Map<string, number>();
  for (const h of Object.values(room.holds)) {
    for (const k of h.s) perSlot.set(k, (perSlot.get(k) ?? 0) + h.p);
    perWeek.set(`${h.w}.${h.u}`, (perWeek.get(`${h.w}.${h.u}`) ?? 0) + h.m);
    const first = parseSlotKey(h.s[0]!)!;
    const span = { start: first.start, end: parseSlotKey(h.s[h.s.length - 1]!)!.start + room.slotMinutes };
    if (room.closures.some((c) => c.from <= first.date && first.date <= c.to && c.at <= NOW))
      out.push(`a booking on closed ${first.date}`);
    const team = meetingsOn(room.teams, first.date).find((m) => overlaps(m, span));
    if (team) out.push(`a booking in ${team.name}'s time on ${first.date}`);
  }
  for (const [k, n] of perSlot) {
    if (n > CAPACITY) out.push(`${k}: ${n} people in a room for ${CAPACITY}`);
    if ((room.used[k] ?? 0) !== n) out.push(`${k}: counter ${room.used[k]} but holds ${n}`);
  }
  for (const [k, v] of Object.entries(room.used))
    if (v !== 0 && !perSlot.has(k)) out.push(`${k}: counter ${v} without holds`);
  for (const [k, m] of perWeek) {
    const [w, u] = k.split('.');
    if (m > LIMIT) out.push(`${k}: ${m} minutes over the weekly ${LIMIT}`);
    if ((room.mins[w!]?.[u!] ?? 0) !== m)
      out.push(`${k}: minutes counter ${room.mins[w!]?.[u!]} but holds ${m}`);
  }
  return out;
}

test('no sequence of stale-read operations ever overlaps beyond capacity, a closure or a team', () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
      const history: RoomDoc[] = [emptyRoom()];
      const made = new Map<string, { hold: Hold; startAt: Date }>();
      ops.forEach((o, n) => {
        const current = history[history.length - 1]!;
        const read = history[Math.max(0, history.length - 1 - o.lag)]!;
        const p = plan(o, read, n, made);
        if (!p) return;
        const next = applyChange(current, p.change);
        if (!next) return;
        if (p.made) made.set(p.made.id, p.made);
        for (const id of made.keys()) if (!next.holds[id]) made.delete(id);
        history.push(next);
        expect(violations(next)).toEqual([]);
      });
    }),
    { numRuns: 400 },
  );
});

test('the same booking decided on a fresh read is refused once the places are gone', () => {
  let room = emptyRoom();
  const date = addDays(MONDAY, 1);
  for (let i = 0; i < 3; i++) {
    const p = planBooking(
      room,
      { id: `u${i}`, openid: `o${i}` },
      `b${i}`,
      { date, start: 9 * 60, slots: 1, people: 2 },
      NOW,
    );
    if (isRefusal(p)) throw new Error(p.message);
    room = applyChange(room, p.change)!;
  }
  expect(room.used[slotKeyOf(date, 9 * 60)]).toBe(6);
  const late = planBooking(
    room,
    { id: 'u9', openid: 'o9' },
    'b9',
    { date, start: 9 * 60, slots: 1, people: 1 },
    NOW,
  );
  expect(isRefusal(late) && late.message).toBe('这个时段已经约满了');
});
