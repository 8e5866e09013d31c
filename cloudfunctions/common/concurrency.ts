/**
 * Bounded concurrency for timers that write many documents: each round trip to CloudBase costs 10–30 ms of
 * network, so a thousand writes one after another take 10–30 s — past a 20 s timeout — while a few at a time in
 * flight take a fraction of it without flooding the database. Every write a timer makes is conditional or keyed,
 * so running them side by side changes nothing but the time.
 */

/** How many writes a timer keeps in flight at once. */
export const TIMER_CONCURRENCY = 16;

/**
 * How long a timer goes on starting new pieces of work (a chunk, a person) before leaving the rest to its next run:
 * well inside half of a 20 s timeout, with room for the piece under way to finish.
 */
export const TIMER_WORK_MS = 6_000;

/**
 * A run's work clock: whether there is still time to start another piece. Real elapsed time (the platform kills
 * by it), not the business clock.
 */
export function workClock(budgetMs = TIMER_WORK_MS): () => boolean {
  const start = performance.now();
  return () => performance.now() - start < budgetMs;
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight; resolves to their results in input order once all
 * are done, or rejects with the first failure (calls already started still finish).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, lane));
  return results;
}

/** Counts the items for which `fn` resolved true, with at most `limit` calls in flight. */
export async function countLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<boolean>,
): Promise<number> {
  return (await mapLimited(items, limit, fn)).filter(Boolean).length;
}

/**
 * Awaits reads that do not depend on each other side by side (one round trip's wait instead of several), and
 * reports a failure as reading them one after another would: the first read's error before the second's.
 */
export async function together<T extends readonly unknown[]>(
  ...reads: { [K in keyof T]: Promise<T[K]> }
): Promise<T> {
  const settled = await Promise.allSettled(reads);
  return settled.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  }) as unknown as T;
}

/**
 * Starts `work` now and hands back a function that awaits its result later: a round trip that needs only the
 * input (a content check) runs beside the action's reads, while its outcome is still taken where the action
 * would have waited for it. A rejection is held until then, never reported as unhandled.
 */
export function early<T>(work: Promise<T>): () => Promise<T> {
  const settled = work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return async () => {
    const r = await settled;
    if ('error' in r) throw r.error;
    return r.value;
  };
}
