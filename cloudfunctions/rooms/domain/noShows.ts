/**
 * No-shows: a booking nobody checked in by its end counts once against the booker; `noShowThreshold` of them
 * within `noShowWindowDays` pause their booking for `pauseDays` (and are then forgiven: the count starts again).
 */
import { ROOMS_LIMITS } from '../../../miniprogram/shared/limits';

const DAY = 86_400_000;

/** The no-shows still counting at `now` after adding `more`, and the pause they cause (if they reach the threshold). */
export function afterNoShows(
  previous: readonly Date[],
  more: readonly Date[],
  now: Date,
): { noShows: Date[]; pausedUntil?: Date } {
  const from = now.getTime() - ROOMS_LIMITS.noShowWindowDays * DAY;
  const counting = [...previous, ...more].filter((d) => d.getTime() >= from).sort((a, b) => +a - +b);
  if (counting.length < ROOMS_LIMITS.noShowThreshold) return { noShows: counting };
  return { noShows: [], pausedUntil: new Date(now.getTime() + ROOMS_LIMITS.pauseDays * DAY) };
}

/** No-shows among bookings that have ended, as a whole percent (null when none has ended). */
export function noShowRate(ended: number, noShows: number): number | null {
  return ended === 0 ? null : Math.round((noShows / ended) * 100);
}
