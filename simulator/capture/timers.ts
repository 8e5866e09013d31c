/**
 * Timers a page starts while it is photographed (a rotating check-in code, a countdown, polling). All pictures
 * share one jsdom, so a timer a page forgets to clear would keep firing — and calling a cloud that is gone —
 * during later pictures, and its errors would land on them. Timers the mini program's code makes during a
 * capture are tracked and cleared when the picture is done, as closing the page's own context would. Only
 * those: the local cloud runs in this process too, and its timers are its own business.
 */

type TimerFn = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;

/** Tracks timers until {@link TimerTrack.stop}. */
export interface TimerTrack {
  /** Clears every timer made since the start and puts the original functions back. */
  stop(): void;
}

/** Starts tracking `setTimeout` and `setInterval` calls made from files under `codeDirs` (the mini program). */
export function trackTimers(codeDirs: string[]): TimerTrack {
  const fromCode = (): boolean => {
    const stack = new Error().stack ?? '';
    return codeDirs.some((dir) => stack.includes(dir));
  };
  const g = globalThis as unknown as { setTimeout: TimerFn; setInterval: TimerFn };
  const { setTimeout: originalTimeout, setInterval: originalInterval } = g;
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  g.setTimeout = (handler, timeout, ...args) => {
    const id = originalTimeout(handler, timeout, ...args);
    if (fromCode()) timeouts.add(id);
    return id;
  };
  g.setInterval = (handler, timeout, ...args) => {
    const id = originalInterval(handler, timeout, ...args);
    if (fromCode()) intervals.add(id);
    return id;
  };
  return {
    stop: () => {
      g.setTimeout = originalTimeout;
      g.setInterval = originalInterval;
      for (const id of timeouts) clearTimeout(id);
      for (const id of intervals) clearInterval(id);
    },
  };
}
