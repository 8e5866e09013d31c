/**
 * The local cloud's clock. Real time plus an offset that tests (and the gateway) can move, so timers, expiries
 * and deadlines can be exercised without waiting. Functions see the same offset through the
 * LOCALCLOUD_CLOCK_OFFSET_MS variable their worker is given (a function that honours it reads its clock from it).
 */
export class Clock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the cloud sees them. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** The current cloud time as a Date. */
  date(): Date {
    return new Date(this.now());
  }

  /** Moves the clock so that it reads `at` now (time keeps flowing from there). */
  set(at: Date | number): void {
    this.offsetMs = (typeof at === 'number' ? at : at.getTime()) - Date.now();
  }

  /** Moves the clock forward (or back, with a negative value). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** The current offset from real time, in ms. */
  offset(): number {
    return this.offsetMs;
  }
}
