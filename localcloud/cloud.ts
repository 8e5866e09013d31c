/**
 * One local cloud: document store + transactions, wire server, function host with timers, gateway.
 * The CLI (`cli.ts`) starts one on a data folder; tests start one per file (in memory, random port).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Clock } from './clock';
import { NetworkLatency } from './latency';
import { hostingRoute } from './hosting';
import { httpAccessRoute } from './httpAccess';
import { clientEvent, gatewayRoute, toGatewayReply, type GatewayReply } from './gateway';
import { FunctionHost } from './host/functionHost';
import { TimerScheduler } from './host/timers';
import { packageDir } from './packageDir';
import { DocumentStore } from './store/engine';
import { loadDatabaseSpec } from './store/schema';
import { TransactionManager } from './store/transactions';
import { databaseHandlers } from './wire/database';
import { functionHandlers } from './wire/functions';
import { createOpenApi, type LocalOpenApi } from './wire/openapi';
import { createStorage, type WireStorage } from './wire/storage';
import { createOutbox, readOutboxFile, type Outbox } from './openapi/outbox';
import { createManagement, LOCAL_CREDENTIALS, type Management } from './manage/management';
import type { ApiCredentials } from './manage/tc3';
import { startWireServer, type HttpRoute } from './wire/server';
import type { WireContext, WireHandler } from './wire/types';

/** The environment id a cloud answers as unless told otherwise (what getWXContext().ENV reports). */
export const DEFAULT_ENV_NAME = 'local';
/** The appid functions see for mini program callers unless told otherwise. */
export const DEFAULT_APPID = 'wxlocalcloud0000';

/** Options; every one has a default: an empty cloud in memory on a free port. */
export interface LocalCloudOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Data folder (SQLite file, storage, outbox); omitted = in memory (tests). */
  dataDir?: string;
  /**
   * An in-memory cloud's starting data: a data folder (e.g. one seeded once and reused) whose database is
   * loaded into memory and whose stored files and outbox are copied. The folder itself is never changed.
   */
  from?: string;
  /** The environment id (default `local`): getWXContext().ENV, fileIDs, the management API's environment. */
  envName?: string;
  /** The appid mini program callers have (default `wxlocalcloud0000`). */
  appid?: string;
  /**
   * Built functions to serve: a folder of `<name>/index.js` (+ `config.json`), relative to the working folder.
   * Omitted or null: none until a deploy brings some.
   */
  functionsDir?: string | null;
  /** The worker every function instance runs in (default: this package's `dist/worker.js`). */
  workerScript?: string;
  /** A database declaration (database.json: collections, indexes, rules) applied at start; omitted or null: none. */
  databaseSpec?: string | null;
  /** Installed packages a deployed function's dependencies are linked from (default `./node_modules`). */
  modulesDir?: string;
  /** The word list msgSecCheck matches (default: the package's `openapi/sensitive-words.txt`). */
  sensitiveWords?: string;
  /** The key pair the management API accepts (default `local`/`local`). */
  managementCredentials?: ApiCredentials;
  logs?: 'print' | 'quiet';
  /** Run timers on their schedule (tests fire them on demand instead). */
  scheduleTimers?: boolean;
  maxInstances?: number;
  /** Environment variables for every built function (settings a deploy would give them, e.g. secrets). */
  functionEnv?: Record<string, string>;
  /** Seconds no function is stopped before, whatever its config.json says (tests on a busy machine). */
  minFunctionTimeoutSeconds?: number;
  /**
   * Milliseconds every database, storage and open-API round trip of a function invocation waits, as CloudBase's
   * network would (10–30 ms there); default 0. Changeable later through `latency.set`.
   */
  latencyMs?: number;
  /** Up to this many milliseconds more per round trip, drawn at random; default 0. */
  jitterMs?: number;
  /**
   * Function stack traces through the bundles' source maps (default true). False starts instances as CloudBase
   * does, without reading the maps: what a cold-start figure should measure.
   */
  sourceMaps?: boolean;
  /** Static website hosting (静态网站托管): a folder served read-only at `/` (hosting.ts); omitted: none. */
  hostingDir?: string | null;
}

/** Faults a test injects into function invocations. */
export interface Faults {
  /**
   * The next invocation of `functionName` that gets as far as its `roundTrip`-th wire request (1 = the first) is
   * killed just before that request is served, as a timeout or a crash would kill it: that request and every
   * later one never happen. One shot; returns a promise of whether it fired, settled when it fires or is
   * cleared (or replaced by another for the same function).
   */
  killAtRoundTrip(functionName: string, roundTrip: number): Promise<boolean>;
  /** Drops faults not yet fired. */
  clear(): void;
}

/** A running local cloud. */
export interface LocalCloud {
  port: number;
  baseUrl: string;
  /** The endpoint to put in TCB_CONTEXT_CNFG. */
  wireUrl: string;
  envName: string;
  clock: Clock;
  store: DocumentStore;
  transactions: TransactionManager;
  host: FunctionHost;
  timers: TimerScheduler;
  /** Files (wx.cloud / cloud.uploadFile, temp URLs), on disk. */
  storage: WireStorage;
  /** The open API (content check, subscription messages). */
  openapi: LocalOpenApi;
  /** Subscription messages sent, for tests and previews. */
  outbox: Outbox;
  /** The management API a deploy talks to (manage/management.ts). */
  manage: Management;
  /** Calls a function as a mini program user, exactly as the gateway does. */
  call(name: string, data: unknown, openid: string): Promise<GatewayReply>;
  /** The modelled network delay per round trip of an invocation (latency.ts). */
  latency: NetworkLatency;
  /** Faults to inject (killing an invocation mid-run). */
  faults: Faults;
  /** Wire requests served, by action (for tests and benchmarks). */
  requestCounts: Map<string, number>;
  /** Listeners that see every wire request body as received (contract tests compare them with a capture). */
  wireListeners: Set<(body: Record<string, unknown>) => void>;
  close(): Promise<void>;
}

/** Starts a local cloud. */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const envName = options.envName ?? DEFAULT_ENV_NAME;
  const appid = options.appid ?? DEFAULT_APPID;
  const clock = new Clock();
  if (options.dataDir && options.from) throw new Error('startLocalCloud: give dataDir or from, not both');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const store = new DocumentStore(
    options.dataDir
      ? join(options.dataDir, 'db.sqlite')
      : options.from
        ? readFileSync(join(options.from, 'db.sqlite'))
        : ':memory:',
    () => clock.now(),
  );
  const spec = options.databaseSpec ? loadDatabaseSpec(resolve(options.databaseSpec)) : undefined;
  if (spec) store.applySpec(spec);
  const transactions = new TransactionManager(store, () => clock.now());

  let baseUrl = '';
  const host = new FunctionHost({
    functionsDir: options.functionsDir ? resolve(options.functionsDir) : null,
    workerScript: options.workerScript ?? join(packageDir(), 'dist', 'worker.js'),
    wireBase: () => baseUrl,
    envName,
    appid,
    clock,
    maxInstances: options.maxInstances,
    sourceMaps: options.sourceMaps,
    functionEnv: options.functionEnv,
    minTimeoutSeconds: options.minFunctionTimeoutSeconds,
    logs: options.logs ?? 'quiet',
  });
  const timers = new TimerScheduler(host, clock);

  // Storage lives on disk; an in-memory cloud gets a temporary folder it removes on close.
  const storageDir = options.dataDir
    ? join(options.dataDir, 'storage')
    : mkdtempSync(join(tmpdir(), 'localcloud-storage-'));
  const fromStorage = options.from && join(options.from, 'storage');
  if (fromStorage && existsSync(fromStorage)) cpSync(fromStorage, storageDir, { recursive: true });
  const storage = createStorage({ rootDir: storageDir, envName, now: () => clock.now() });
  const outbox = createOutbox(
    options.dataDir ? join(options.dataDir, 'outbox.jsonl') : undefined,
    options.from ? readOutboxFile(join(options.from, 'outbox.jsonl')) : [],
  );
  const openapi = createOpenApi({
    outbox,
    words: options.sensitiveWords,
    readMedia: (url) => storage.readTempUrl(url),
    permissions: (name) => host.definition(name)?.config.permissions?.openapi,
    now: () => clock.now(),
  });

  // Deployed functions, the catalogue and the management authority live with the data (or in a temporary folder).
  const manageDir = options.dataDir
    ? join(options.dataDir, 'manage')
    : mkdtempSync(join(tmpdir(), 'localcloud-manage-'));
  const manage = createManagement({
    envId: envName,
    dir: manageDir,
    persist: Boolean(options.dataDir),
    modulesDir: resolve(options.modulesDir ?? 'node_modules'),
    store,
    host,
    timers,
    credentials: options.managementCredentials ?? LOCAL_CREDENTIALS,
    spec,
    now: () => clock.now(),
  });

  const handlers: Record<string, WireHandler> = {
    ...databaseHandlers({ store, transactions, now: () => clock.now() }),
    ...functionHandlers(host),
    ...storage.handlers,
    ...openapi.handlers,
  };
  const routes: HttpRoute[] = [
    manage.route,
    (req, res, url, body) => storage.handleStorageHttp(req, res, url, body),
    httpAccessRoute({ host, envName }),
    gatewayRoute({
      host,
      timers,
      clock,
      appid,
      storage,
      extra: { outbox: () => outbox.list() },
    }),
    // Last: a file never shadows the API's own paths.
    ...(options.hostingDir ? [hostingRoute(options.hostingDir)] : []),
  ];
  const latency = new NetworkLatency({ ms: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0 });
  const kills = new Map<string, { at: number; done: (fired: boolean) => void }>();
  const tripsOf = new WeakMap<object, number>();
  const faults: Faults = {
    killAtRoundTrip: (functionName, roundTrip) =>
      new Promise<boolean>((done) => {
        kills.get(functionName)?.done(false);
        kills.set(functionName, { at: roundTrip, done });
      }),
    clear: () => {
      for (const k of kills.values()) k.done(false);
      kills.clear();
    },
  };
  const requestCounts = new Map<string, number>();
  const wireListeners = new Set<(body: Record<string, unknown>) => void>();
  const { server, port } = await startWireServer({
    port: options.port ?? 0,
    handlers,
    routes,
    invocation: (id) => host.invocation(id),
    beforeRequest: async (_action, ctx) => {
      const inv = ctx.invocation;
      if (!inv) return;
      const trip = (tripsOf.get(inv) ?? 0) + 1;
      tripsOf.set(inv, trip);
      const kill = kills.get(inv.functionName);
      if (kill && trip >= kill.at) {
        kills.delete(inv.functionName);
        host.kill(inv.id, `instance killed before round trip ${trip} (fault injected)`);
        kill.done(true);
        throw new Error('the invocation was killed');
      }
      await latency.roundTrip();
    },
    onRequest: (action: string, ctx: WireContext) => {
      requestCounts.set(action, (requestCounts.get(action) ?? 0) + 1);
      if (ctx.invocation && action.startsWith('database.')) ctx.invocation.dbRoundTrips += 1;
      if (wireListeners.size > 0 && ctx.headers['content-type']?.startsWith('application/json')) {
        const body = JSON.parse(ctx.rawBody.toString('utf8')) as Record<string, unknown>;
        for (const listener of wireListeners) listener(body);
      }
    },
  });
  manage.attach(server);
  baseUrl = `http://127.0.0.1:${port}`;
  if (options.scheduleTimers) timers.start();

  return {
    port,
    baseUrl,
    wireUrl: `${baseUrl}/admin`,
    envName,
    clock,
    store,
    transactions,
    host,
    timers,
    storage,
    openapi,
    outbox,
    manage,
    latency,
    faults,
    requestCounts,
    wireListeners,
    call: async (name, data, openid) =>
      toGatewayReply(
        await host.invoke(name, clientEvent(data, openid, appid), { openid, appid }, { source: 'wx_client' }),
      ),
    close: async () => {
      faults.clear();
      timers.stop();
      await host.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      store.close();
      if (!options.dataDir) {
        rmSync(storageDir, { recursive: true, force: true });
        rmSync(manageDir, { recursive: true, force: true });
      }
    },
  };
}
