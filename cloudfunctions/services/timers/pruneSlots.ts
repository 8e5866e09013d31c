/**
 * Timer `pruneSlots` (03:00 daily, Beijing): drops slot counters and place tags (`holds`) of days gone by from the
 * items, so an item document stays small however long it is on the menu. Orders keep their own record of what
 * happened.
 */
import { _, db } from '../../common/cloud';
import { mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows } from '../../common/db';
import { isPastSlot } from '../domain/calendar';
import { ITEMS, type ItemDoc } from '../documents';

/** One run. */
export async function pruneSlots(now: Date): Promise<{ items: number; slots: number }> {
  const items = rows<Pick<ItemDoc, '_id' | 'slots' | 'holds'>>(
    await db.collection(ITEMS).limit(1000).field({ slots: true, holds: true }).get(),
  );
  let touched = 0;
  let dropped = 0;
  await mapLimited(items, TIMER_CONCURRENCY, async (item) => {
    const past = Object.keys(item.slots ?? {}).filter((key) => isPastSlot(key, now));
    const pastHolds = Object.keys(item.holds ?? {}).filter((key) => isPastSlot(key, now));
    if (past.length === 0 && pastHolds.length === 0) return;
    const data = Object.fromEntries([
      ...past.map((key) => [`slots.${key}`, _.remove()]),
      ...pastHolds.map((key) => [`holds.${key}`, _.remove()]),
    ]);
    await db.collection(ITEMS).doc(item._id).update({ data });
    touched++;
    dropped += past.length;
  });
  return { items: touched, slots: dropped };
}
