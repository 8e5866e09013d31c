/** Parts of the day a volunteer can say they are free in, read on the one calendar (miniprogram/shared/calendar). */
import { partsOf } from '../../../miniprogram/shared/calendar';
import type { DaySlot } from '../../../miniprogram/shared/choices';

export type { DaySlot };

/** The slot an instant falls in (Beijing): before noon, noon to 18:00, after 18:00. */
export function daySlot(at: Date): DaySlot {
  const { hour } = partsOf(at);
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}
