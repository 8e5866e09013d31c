/**
 * Timer triggers from each function's config.json, run on their cron schedule against the local cloud's clock
 * (so moving the clock forward makes due timers fire), and fireable on demand by tests and the gateway.
 * CloudBase evaluates timer crons in Beijing time and sends `{ Type: 'Timer', TriggerName, Time, Message }`.
 */
import { Cron } from 'croner';
import type { Clock } from '../clock';
import type { FunctionHost, InvokeOutcome } from './functionHost';

/** One scheduled trigger. */
export interface ScheduledTrigger {
  functionName: string;
  triggerName: string;
  cron: string;
}

/** Drives every timer trigger of a host. */
export class TimerScheduler {
  private readonly triggers: ScheduledTrigger[] = [];
  private lastCheck: number;
  private ticker?: NodeJS.Timeout;
  private readonly running = new Set<string>();

  constructor(
    private readonly host: FunctionHost,
    private readonly clock: Clock,
  ) {
    this.reload();
    this.lastCheck = clock.now();
  }

  /** Reads the triggers of the host's functions again (after a deploy changed them). */
  reload(): void {
    this.triggers.length = 0;
    for (const name of this.host.names()) {
      for (const t of this.host.definition(name)?.config.triggers ?? []) {
        if (t.type === 'timer')
          this.triggers.push({ functionName: name, triggerName: t.name, cron: t.config });
      }
    }
  }

  /** The declared triggers. */
  list(): ScheduledTrigger[] {
    return [...this.triggers];
  }

  /** Checks once a second whether a trigger came due (a moved clock counts: a missed run fires once). */
  start(intervalMs = 1000): void {
    this.ticker = setInterval(() => void this.tick(), intervalMs);
    this.ticker.unref();
  }

  /** Stops the schedule. */
  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
  }

  /** Fires every trigger whose next run after the previous check is now due. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    const since = this.lastCheck;
    this.lastCheck = now;
    const due = this.triggers.filter((t) => {
      const next = new Cron(t.cron, { paused: true, timezone: 'Asia/Shanghai' }).nextRun(new Date(since));
      return next !== null && next.getTime() <= now;
    });
    await Promise.all(due.map((t) => this.fire(t.functionName, t.triggerName)));
  }

  /** Runs one trigger now, as the platform would (no caller identity). Overlapping runs of one trigger wait. */
  async fire(functionName: string, triggerName: string): Promise<InvokeOutcome> {
    const key = `${functionName}/${triggerName}`;
    while (this.running.has(key)) await new Promise((r) => setTimeout(r, 10));
    this.running.add(key);
    try {
      const event = {
        Type: 'Timer',
        TriggerName: triggerName,
        Time: this.clock.date().toISOString(),
        Message: '',
      };
      return await this.host.invoke(functionName, event, {}, { source: 'wx_trigger' });
    } finally {
      this.running.delete(key);
    }
  }
}
