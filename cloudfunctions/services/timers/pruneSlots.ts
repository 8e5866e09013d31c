/**
 * Timer `pruneSlots` (03:00 daily, Beijing): drops slot counters of days gone by from the items, so an item
 * document stays small however long it is on the menu. Orders keep their own record of what happened.
 */
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { isPastSlot } from '../domain/calendar';
import { ITEMS, type ItemDoc } from '../store';

/** One run. */
export async function pruneSlots(now: Date): Promise<{ items: number; slots: number }> {
  const items = rows<Pick<ItemDoc, '_id' | 'slots'>>(
    await db.collection(ITEMS).limit(1000).field({ slots: true }).get(),
  );
  let touched = 0;
  let dropped = 0;
  for (const item of items) {
    const past = Object.keys(item.slots ?? {}).filter((key) => isPastSlot(key, now));
    if (past.length === 0) continue;
    await db
      .collection(ITEMS)
      .doc(item._id)
      .update({ data: Object.fromEntries(past.map((key) => [`slots.${key}`, _.remove()])) });
    touched++;
    dropped += past.length;
  }
  return { items: touched, slots: dropped };
}
