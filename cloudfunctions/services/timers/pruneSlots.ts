/**
 * Timer `pruneSlots` (every 10 minutes from 03:00 to 03:50, Beijing): drops slot counters and place tags (`holds`)
 * of days gone by from the items, so an item document stays small however long it is on the menu. Orders keep
 * their own record of what happened. Each item is stamped with the day it was looked at (`prunedOn`), which is the
 * run's cursor: a run takes up to 1,000 items not yet looked at today, so a menu of any length is done in the
 * hour's runs, and a run killed half-way leaves the rest for the next (dropping what has passed twice is the same).
 */
import { _, db } from '../../common/cloud';
import { mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows } from '../../common/db';
import { dateKey } from '../../../miniprogram/shared/calendar';
import { isPastSlot } from '../domain/calendar';
import { ITEMS, type ItemDoc } from '../documents';

const PER_RUN = 1000;

/** One run. */
export async function pruneSlots(now: Date): Promise<{ items: number; slots: number; looked: number }> {
  const today = dateKey(now);
  const items = rows<Pick<ItemDoc, '_id' | 'slots' | 'holds'>>(
    await db
      .collection(ITEMS)
      .where({ prunedOn: _.neq(today) })
      .limit(PER_RUN)
      .field({ slots: true, holds: true })
      .get(),
  );
  const stale = items
    .map((item) => ({
      id: item._id,
      slots: Object.keys(item.slots ?? {}).filter((key) => isPastSlot(key, now)),
      holds: Object.keys(item.holds ?? {}).filter((key) => isPastSlot(key, now)),
    }))
    .filter((x) => x.slots.length > 0 || x.holds.length > 0);
  await mapLimited(stale, TIMER_CONCURRENCY, async (x) => {
    await db
      .collection(ITEMS)
      .doc(x.id)
      .update({
        data: {
          ...Object.fromEntries([
            ...x.slots.map((key) => [`slots.${key}`, _.remove()]),
            ...x.holds.map((key) => [`holds.${key}`, _.remove()]),
          ]),
          prunedOn: today,
        },
      });
  });
  // The items with nothing to drop are stamped together (one write).
  const dropped = new Set(stale.map((x) => x.id));
  const clean = items.map((i) => i._id).filter((id) => !dropped.has(id));
  if (clean.length > 0)
    await db
      .collection(ITEMS)
      .where({ _id: _.in(clean) })
      .update({ data: { prunedOn: today } });
  return {
    items: stale.length,
    slots: stale.reduce((n, x) => n + x.slots.length, 0),
    looked: items.length,
  };
}
