/**
 * The network between a function and CloudBase's database, storage and open API, modelled: every wire request an
 * invocation makes waits `ms` (plus up to `jitterMs` more, uniformly) before it is served, as a round trip of
 * 10–30 ms would on CloudBase. Requests in flight at once wait side by side, as on a real network, so concurrent
 * reads cost one delay, not several. Default 0: tests run at full speed.
 */

/** The delay per round trip. */
export interface LatencySettings {
  /** Milliseconds every round trip of an invocation waits. */
  ms: number;
  /** Up to this many milliseconds more, drawn afresh for each round trip. */
  jitterMs: number;
}

/** The latency model of one local cloud; changeable while it runs (a bench measures at 0 and at 20 ms). */
export class NetworkLatency {
  private settings: LatencySettings;
  /** Round trips delayed so far, and the milliseconds added to them (what a test checks, never a clock). */
  readonly applied = { trips: 0, ms: 0 };

  constructor(
    settings: Partial<LatencySettings> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.settings = checked({ ms: settings.ms ?? 0, jitterMs: settings.jitterMs ?? 0 });
  }

  /** The current settings. */
  get(): LatencySettings {
    return { ...this.settings };
  }

  /** Changes the delay for round trips from now on. */
  set(settings: Partial<LatencySettings>): void {
    this.settings = checked({ ...this.settings, ...settings });
  }

  /** Waits one round trip's delay (nothing at 0). */
  async roundTrip(): Promise<void> {
    const { ms, jitterMs } = this.settings;
    const delay = ms + (jitterMs > 0 ? Math.round(this.random() * jitterMs) : 0);
    if (delay <= 0) return;
    this.applied.trips += 1;
    this.applied.ms += delay;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function checked(s: LatencySettings): LatencySettings {
  for (const [k, v] of Object.entries(s))
    if (!Number.isFinite(v) || v < 0) throw new Error(`latency ${k}: not a number of milliseconds ≥ 0: ${v}`);
  return s;
}
