/**
 * The rooms function's database I/O that several actions and the timer share: a room by id, and a room change
 * (domain/change.ts) sent as one conditional update — the conditions in `where`, applied atomically.
 */
import { _, db } from '../common/cloud';
import { findById, updatedCount } from '../common/db';
import { notFound } from '../common/errors';
import type { RoomChange } from './domain/change';
import { ROOMS, type RoomDoc } from './documents';

/** The room, or NOT_FOUND (one round trip). */
export async function loadRoom(roomId: string): Promise<RoomDoc> {
  const room = await findById<RoomDoc>(ROOMS, roomId);
  if (!room) throw notFound('活动室');
  return room;
}

/** The query of a change's conditions on one room. */
function conditionsOf(roomId: string, change: RoomChange): unknown {
  const all: unknown[] = [{ _id: roomId, ...change.equals }];
  for (const { path, max } of change.atMost)
    all.push(_.or([{ [path]: _.exists(false) }, { [path]: _.lte(max) }]));
  for (const p of change.present) all.push({ [p]: _.exists(true) });
  for (const p of change.absent) all.push({ [p]: _.exists(false) });
  return _.and(all as never[]);
}

/** The update of a change: increments, whole values set (objects and arrays kept whole), removals. */
function updateOf(change: RoomChange, now: Date): Record<string, unknown> {
  const data: Record<string, unknown> = { updatedAt: now };
  for (const [p, by] of Object.entries(change.inc)) data[p] = _.inc(by);
  for (const [p, v] of Object.entries(change.set))
    data[p] = v !== null && typeof v === 'object' ? _.set(v) : v;
  for (const p of change.unset) data[p] = _.remove();
  return data;
}

/** Applies a change to a room if its conditions hold (one round trip); whether it did. */
export async function changeRoom(roomId: string, change: RoomChange, now: Date): Promise<boolean> {
  const res = await db
    .collection(ROOMS)
    .where(conditionsOf(roomId, change) as never)
    .update({ data: updateOf(change, now) });
  return updatedCount(res) === 1;
}
