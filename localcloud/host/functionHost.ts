/**
 * Runs built cloud functions as CloudBase does: a pool of instances (worker threads) per function, each running
 * at most one invocation at a time, with the caller's identity in that instance's environment and the redirect
 * variables that send its wx-server-sdk to this local cloud. Each invocation gets its own wire URL
 * (`/admin?inv=<id>&`), so the server can attribute database round trips and nested calls to it.
 */
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../clock';
import type { InvocationInfo } from '../wire/types';
import { discoverFunctions, type FunctionDef } from './functionConfig';
import type { InvokeMessage, ResultMessage } from './protocol';

/** Who is calling: the mini program user (from the gateway) or nobody (timers). */
export interface Identity {
  openid?: string;
  appid?: string;
  unionid?: string;
}

/** What happened, with the figures budgets are measured by. */
export type InvokeOutcome =
  | { ok: true; resultJson: string; stats: InvocationStats }
  | {
      ok: false;
      error: { code: 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTION_NOT_FOUND'; message: string };
      stats: InvocationStats;
    };

/** Per-invocation figures. */
export interface InvocationStats {
  requestId: string;
  dbRoundTrips: number;
  durationMs: number;
  /** The invocation started a fresh instance (its time includes loading the bundle: a cold start). */
  cold?: boolean;
}

/** Options of the host. */
export interface FunctionHostOptions {
  /** Built functions to serve; null serves none until some are deployed ({@link FunctionHost.define}). */
  functionsDir: string | null;
  workerScript: string;
  /** Base of the wire endpoint, e.g. `http://127.0.0.1:8787`. */
  wireBase: () => string;
  envName: string;
  appid: string;
  clock: Clock;
  /** Instances per function (CloudBase scales out; locally a bound keeps memory sane). */
  maxInstances?: number;
  /** Where instance output goes: printed with a prefix, or kept quietly (the last lines stay readable). */
  logs?: 'print' | 'quiet';
  /** Environment variables every function gets (what the CloudBase console sets per function). */
  functionEnv?: Record<string, string>;
  /**
   * Seconds no invocation is stopped before, whatever config.json's `timeout` says (default 0: the platform's
   * limits). Tests set it so a busy machine's slowness never fails them; see {@link FunctionHost.setMinTimeout}.
   */
  minTimeoutSeconds?: number;
  /** Stack traces through the bundles' source maps (default true; false starts instances as CloudBase does). */
  sourceMaps?: boolean;
}

interface Instance {
  worker: Worker;
  busy: boolean;
  current?: Pending;
  /** Runs code or settings that were replaced: stops after its current invocation. */
  retired?: boolean;
  /** Invocations it has been given so far. */
  served: number;
}

interface Pending {
  id: string;
  message: InvokeMessage;
  info: InvocationInfo;
  started: number;
  cold?: boolean;
  resolve: (outcome: InvokeOutcome) => void;
  timer?: NodeJS.Timeout;
}

interface Pool {
  def: FunctionDef;
  instances: Instance[];
  queue: Pending[];
}

/** The function host. */
export class FunctionHost {
  private functions: Map<string, FunctionDef>;
  private readonly pools = new Map<string, Pool>();
  private readonly inflight = new Map<string, Pending>();
  private readonly logTail: string[] = [];
  private closed = false;
  private minTimeoutS: number;
  /** Called with every finished invocation: its function, the event it got and its figures (benchmarks). */
  readonly finished = new Set<(name: string, event: unknown, stats: InvocationStats) => void>();

  constructor(private readonly options: FunctionHostOptions) {
    this.functions = options.functionsDir ? discoverFunctions(options.functionsDir) : new Map();
    this.minTimeoutS = options.minTimeoutSeconds ?? 0;
  }

  /**
   * Serves `def` under its name from now on (a deploy created or changed it). As on CloudBase, later invocations
   * get fresh instances with the new code and settings; one already running finishes on the old instance.
   */
  define(def: FunctionDef): void {
    this.functions.set(def.name, def);
    const pool = this.pools.get(def.name);
    if (!pool) return;
    this.pools.delete(def.name);
    for (const instance of pool.instances) {
      instance.retired = true;
      if (!instance.busy) void instance.worker.terminate();
    }
    // Invocations still queued for the old pool run on the new definition.
    const queued = pool.queue.splice(0);
    if (queued.length > 0) {
      this.pool(def).queue.push(...queued);
      this.dispatch(this.pool(def));
    }
  }

  /**
   * Sets the floor under every function's timeout (0: config.json's own) and returns the previous one. A seed
   * can raise it while it runs, so a busy machine's first start is never cut short by a wall-clock limit.
   */
  setMinTimeout(seconds: number): number {
    const previous = this.minTimeoutS;
    this.minTimeoutS = seconds;
    return previous;
  }

  /** The timeout an invocation of `def` gets: config.json's (CloudBase's default 3 s), or the floor if higher. */
  private timeoutSeconds(def: FunctionDef): number {
    return Math.max(def.config.timeout ?? 3, this.minTimeoutS);
  }

  /** Names of the functions found. */
  names(): string[] {
    return [...this.functions.keys()];
  }

  /** A function's definition. */
  definition(name: string): FunctionDef | undefined {
    return this.functions.get(name);
  }

  /** The invocation with this id, while it runs. */
  invocation(id: string): InvocationInfo | undefined {
    return this.inflight.get(id)?.info;
  }

  /** The last lines the functions printed (for diagnosing a failed test). */
  recentLogs(): string[] {
    return [...this.logTail];
  }

  /** Invokes a function as `identity`; `parent` is the calling invocation for function-to-function calls. */
  invoke(
    name: string,
    event: unknown,
    identity: Identity,
    opts: { source?: string; parent?: InvocationInfo } = {},
  ): Promise<InvokeOutcome> {
    const def = this.functions.get(name);
    const id = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
    const info: InvocationInfo = { id, functionName: name, ...identity, dbRoundTrips: 0 };
    if (!def || this.closed) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'FUNCTION_NOT_FOUND',
          message: `[ResourceNotFound.Function] function not found: ${name}`,
        },
        stats: { requestId: id, dbRoundTrips: 0, durationMs: 0 },
      });
    }
    const timeoutS = this.timeoutSeconds(def);
    const message: InvokeMessage = {
      type: 'invoke',
      id,
      event,
      context: {
        request_id: id,
        function_name: name,
        namespace: this.options.envName,
        memory_limit_in_mb: def.config.memorySize ?? 256,
        time_limit_in_ms: timeoutS * 1000,
      },
      env: {
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
        WX_OPENID: identity.openid ?? null,
        WX_APPID: identity.openid ? (identity.appid ?? this.options.appid) : null,
        WX_UNIONID: identity.unionid ?? null,
        TCB_SOURCE: opts.source ?? null,
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.options.wireBase()}/admin?inv=${id}&` }),
        LOCALCLOUD_CLOCK_OFFSET_MS: String(this.options.clock.offset()),
      },
    };
    return new Promise<InvokeOutcome>((resolve) => {
      const pending: Pending = {
        id,
        message,
        info,
        started: performance.now(),
        resolve: (outcome) => {
          if (opts.parent) opts.parent.dbRoundTrips += outcome.stats.dbRoundTrips;
          resolve(outcome);
        },
      };
      this.inflight.set(id, pending);
      const pool = this.pool(def);
      pool.queue.push(pending);
      this.dispatch(pool);
    });
  }

  private pool(def: FunctionDef): Pool {
    let pool = this.pools.get(def.name);
    if (!pool) {
      pool = { def, instances: [], queue: [] };
      this.pools.set(def.name, pool);
    }
    return pool;
  }

  private dispatch(pool: Pool): void {
    while (pool.queue.length > 0) {
      let instance = pool.instances.find((i) => !i.busy);
      if (!instance && pool.instances.length < (this.options.maxInstances ?? 8)) instance = this.spawn(pool);
      if (!instance) return;
      const pending = pool.queue.shift()!;
      instance.busy = true;
      instance.current = pending;
      pending.cold = instance.served === 0;
      instance.served += 1;
      const timeoutMs = this.timeoutSeconds(pool.def) * 1000;
      pending.timer = setTimeout(() => {
        // CloudBase kills an instance that runs past its timeout; its next caller gets a fresh one.
        pool.instances = pool.instances.filter((i) => i !== instance);
        this.finish(pool, instance!, {
          ok: false,
          error: {
            code: 'FUNCTIONS_EXECUTE_FAIL',
            message: `Invoking task timed out after ${timeoutMs / 1000} seconds`,
          },
        });
        void instance!.worker.terminate();
      }, timeoutMs);
      instance.worker.postMessage(pending.message);
    }
  }

  /**
   * Kills the instance running invocation `id` at once, as the platform does at a timeout or a crash: the caller
   * gets FUNCTIONS_EXECUTE_FAIL and whatever the function had not yet written is never written. Returns whether
   * the invocation was running.
   */
  kill(id: string, why = 'instance killed'): boolean {
    for (const pool of this.pools.values()) {
      const instance = pool.instances.find((i) => i.current?.id === id);
      if (!instance) continue;
      pool.instances = pool.instances.filter((i) => i !== instance);
      this.finish(pool, instance, { ok: false, error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: why } });
      void instance.worker.terminate();
      return true;
    }
    return false;
  }

  private spawn(pool: Pool): Instance {
    const { def } = pool;
    const worker = new Worker(this.options.workerScript, {
      workerData: { bundlePath: def.bundlePath, sourceMaps: this.options.sourceMaps ?? true },
      env: {
        ...process.env,
        TENCENTCLOUD_RUNENV: 'SCF',
        SCF_NAMESPACE: this.options.envName,
        TENCENTCLOUD_REGION: 'ap-shanghai',
        TENCENTCLOUD_SECRETID: 'local',
        TENCENTCLOUD_SECRETKEY: 'local',
        SILENCE: 'true',
        ...(def.env ?? this.options.functionEnv),
      },
      resourceLimits: { maxOldGenerationSizeMb: Math.max(64, def.config.memorySize ?? 256) },
      stdout: true,
      stderr: true,
    });
    const instance: Instance = { worker, busy: false, served: 0 };
    pool.instances.push(instance);
    const onOutput = (chunk: Buffer) => this.log(def.name, chunk.toString('utf8'));
    worker.stdout.on('data', onOutput);
    worker.stderr.on('data', onOutput);
    worker.on('message', (msg: ResultMessage) => {
      if (instance.current?.id !== msg.id) return;
      this.finish(
        pool,
        instance,
        msg.ok
          ? { ok: true, resultJson: msg.resultJson }
          : {
              ok: false,
              error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: `${msg.error.name}: ${msg.error.message}` },
            },
      );
    });
    const onGone = (why: string) => {
      pool.instances = pool.instances.filter((i) => i !== instance);
      if (instance.current) {
        this.finish(pool, instance, { ok: false, error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: why } });
      }
      if (!this.closed) this.dispatch(pool);
    };
    worker.on('error', (err) => onGone(`instance crashed: ${err.message}`));
    worker.on('exit', (code) => onGone(`instance exited with code ${code}`));
    return instance;
  }

  private finish(
    pool: Pool,
    instance: Instance,
    outcome:
      | { ok: true; resultJson: string }
      | { ok: false; error: { code: 'FUNCTIONS_EXECUTE_FAIL'; message: string } },
  ): void {
    const pending = instance.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    instance.current = undefined;
    instance.busy = false;
    if (instance.retired) void instance.worker.terminate();
    this.inflight.delete(pending.id);
    const stats: InvocationStats = {
      requestId: pending.id,
      dbRoundTrips: pending.info.dbRoundTrips,
      durationMs: Math.round((performance.now() - pending.started) * 100) / 100,
      ...(pending.cold ? { cold: true } : {}),
    };
    pending.resolve({ ...outcome, stats } as InvokeOutcome);
    for (const listener of this.finished) listener(pool.def.name, pending.message.event, stats);
    if (!this.closed) this.dispatch(pool);
  }

  private log(name: string, text: string): void {
    for (const line of text.split('\n')) {
      if (!line) continue;
      this.logTail.push(`[${name}] ${line}`);
      if (this.logTail.length > 200) this.logTail.shift();
      if (this.options.logs === 'print') process.stdout.write(`[fn:${name}] ${line}\n`);
    }
  }

  /** Stops every instance. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.pools.values()].flatMap((p) => p.instances);
    await Promise.all(all.map((i) => i.worker.terminate()));
  }
}
