/**
 * settle (every 15 minutes) — closed turns on duty go into the volunteering hours ledger (timers/dutyHours.ts);
 * bookings that ended with nobody checked in become no-shows, counted against their
 * bookers (a pause past the threshold, domain/noShows.ts) — unless their day was closed meanwhile; the rooms let go of what has passed (holds of ended
 * bookings, counters of past days, minutes of weeks before last), so their documents stay small.
 */
import { _, db } from '../../common/cloud';
import { mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows } from '../../common/db';
import { dateKey } from '../../../miniprogram/shared/calendar';
import { afterNoShows } from '../domain/noShows';
import { parseSlotKey, weekKeyOf } from '../domain/slots';
import {
  BOOKINGS,
  ROOM_PEOPLE,
  ROOMS,
  type BookingDoc,
  type RoomDoc,
  type RoomPersonDoc,
} from '../documents';
import { addDays } from '../../../miniprogram/shared/calendar';
import { countDutyHours } from './dutyHours';

const BATCH = 1000;
/** How many counted booking ids a booker's record keeps (more than one run can leave uncounted for them). */
const COUNTED_KEPT = 200;

type Ended = Pick<BookingDoc, '_id' | 'userId' | 'endAt' | 'roomId' | 'date' | 'status'>;

/**
 * Marks ended, unchecked bookings as no-shows and counts them per booker; returns how many. Kill-safe in three
 * steps: the bookings are marked `noShow` and `counted: false` together; each booker's record then takes the ones
 * it has not counted yet (it keeps the ids it counted, so writing it again adds nothing); last, the bookings are
 * marked counted. A run killed anywhere leaves bookings the next run finds (`counted: false`) and finishes.
 */
async function markNoShows(now: Date, rooms: readonly Pick<RoomDoc, '_id' | 'closures'>[]): Promise<number> {
  const found = rows<Ended>(
    await db
      .collection(BOOKINGS)
      .where(
        _.or([
          { status: 'booked', endAt: _.lte(now) },
          { status: 'noShow', counted: false },
        ]),
      )
      .field({ _id: true, userId: true, endAt: true, roomId: true, date: true, status: true })
      .limit(BATCH)
      .get(),
  );
  // A booking made in the instant a closure of its day was being added can be stored after the closure marked
  // that day's bookings: it was never kept, so it is closed, not missed.
  const closures = new Map(rooms.map((r) => [r._id, r.closures]));
  const onClosedDay = (b: Ended) =>
    (closures.get(b.roomId) ?? []).some((c) => c.from <= b.date && b.date <= c.to);
  const closed = found.filter((b) => b.status === 'booked' && onClosedDay(b));
  if (closed.length > 0)
    await db
      .collection(BOOKINGS)
      .where({ _id: _.in(closed.map((b) => b._id)), status: 'booked' })
      .update({ data: { status: 'closed', closedReason: '活动室暂停开放' } });
  const ended = found.filter((b) => b.status === 'noShow' || !onClosedDay(b));
  if (ended.length === 0) return 0;
  const fresh = ended.filter((b) => b.status === 'booked').map((b) => b._id);
  if (fresh.length > 0)
    await db
      .collection(BOOKINGS)
      .where({ _id: _.in(fresh), status: 'booked' })
      .update({ data: { status: 'noShow', counted: false } });
  const byUser = new Map<string, Ended[]>();
  for (const b of ended) byUser.set(b.userId, [...(byUser.get(b.userId) ?? []), b]);
  const records = rows<RoomPersonDoc>(
    await db
      .collection(ROOM_PEOPLE)
      .where({ _id: _.in([...byUser.keys()]) })
      .limit(BATCH)
      .get(),
  );
  const known = new Map(records.map((r) => [r._id, r]));
  // One keyed write per booker, a few at a time.
  await mapLimited([...byUser], TIMER_CONCURRENCY, async ([userId, theirs]) => {
    const before = known.get(userId);
    const more = theirs.filter((b) => !(before?.counted ?? []).includes(b._id));
    if (more.length === 0) return;
    const next = afterNoShows(
      before?.noShows.map((d) => new Date(d)) ?? [],
      more.map((b) => new Date(b.endAt)),
      now,
    );
    const doc: Omit<RoomPersonDoc, '_id'> = {
      noShows: next.noShows,
      counted: [...(before?.counted ?? []), ...more.map((b) => b._id)].slice(-COUNTED_KEPT),
      ...(next.pausedUntil
        ? { pausedUntil: next.pausedUntil }
        : before?.pausedUntil
          ? { pausedUntil: before.pausedUntil }
          : {}),
      updatedAt: now,
    };
    await db.collection(ROOM_PEOPLE).doc(userId).set({ data: doc });
  });
  await db
    .collection(BOOKINGS)
    .where({ _id: _.in(ended.map((b) => b._id)) })
    .update({ data: { counted: true } });
  return ended.length;
}

/** What a room no longer needs to keep at `now`. */
export function staleParts(
  room: Pick<RoomDoc, 'holds' | 'used' | 'mins' | 'slotMinutes'>,
  now: Date,
): string[] {
  const today = dateKey(now);
  const lastWeek = weekKeyOf(addDays(today, -7));
  const out: string[] = [];
  for (const [id, h] of Object.entries(room.holds)) {
    const last = parseSlotKey(h.s[h.s.length - 1]!);
    if (last && last.date < today) out.push(`holds.${id}`);
  }
  for (const k of Object.keys(room.used)) if ((parseSlotKey(k)?.date ?? today) < today) out.push(`used.${k}`);
  for (const w of Object.keys(room.mins)) if (w < lastWeek) out.push(`mins.${w}`);
  return out;
}

/** Every room's closures and what it holds (one read for both steps). */
async function readRooms(): Promise<RoomDoc[]> {
  return rows<RoomDoc>(
    await db
      .collection(ROOMS)
      .field({ holds: true, used: true, mins: true, slotMinutes: true, closures: true })
      .limit(BATCH)
      .get(),
  );
}

/** Lets every room go of what has passed; returns how many rooms changed. */
async function pruneRooms(rooms: readonly RoomDoc[], now: Date): Promise<number> {
  const stale = rooms
    .map((r) => ({ id: r._id, parts: staleParts(r, now) }))
    .filter((r) => r.parts.length > 0);
  await mapLimited(stale, TIMER_CONCURRENCY, async (r) => {
    await db
      .collection(ROOMS)
      .doc(r.id)
      .update({ data: Object.fromEntries(r.parts.map((p) => [p, _.remove()])) });
  });
  return stale.length;
}

/** The timer. */
export async function settle(
  now: Date,
): Promise<{ noShows: number; roomsPruned: number; dutiesCounted: number }> {
  const rooms = await readRooms();
  return {
    noShows: await markNoShows(now, rooms),
    roomsPruned: await pruneRooms(rooms, now),
    dutiesCounted: await countDutyHours(now),
  };
}
