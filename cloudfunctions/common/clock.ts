/**
 * The one place functions read the time. In production it is the platform clock; the local cloud can move it
 * (LOCALCLOUD_CLOCK_OFFSET_MS, never set on CloudBase) so tests can reach deadlines, phases and timers.
 */

/** The current time. */
export function now(): Date {
  const offset = Number(process.env.LOCALCLOUD_CLOCK_OFFSET_MS ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
