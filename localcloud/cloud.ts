/**
 * One local cloud: document store + transactions, wire server, function host with timers, gateway.
 * `main.ts` starts one for `npm start`; tests start one per file (in memory, random port).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Clock } from './clock';
import { clientEvent, gatewayRoute, toGatewayReply, type GatewayReply } from './gateway';
import { FunctionHost } from './host/functionHost';
import { TimerScheduler } from './host/timers';
import { projectRoot } from './root';
import { DocumentStore } from './store/engine';
import { loadDatabaseSpec } from './store/schema';
import { TransactionManager } from './store/transactions';
import { databaseHandlers } from './wire/database';
import { functionHandlers } from './wire/functions';
import { startWireServer, type HttpRoute } from './wire/server';
import type { WireContext, WireHandler } from './wire/types';

/** The environment name the local cloud answers as (what getWXContext().ENV reports). */
export const LOCAL_ENV = 'mulin-local';
/** The appid functions see for mini program callers. */
export const LOCAL_APPID = 'wxlocal0000mulin';

/** Options; every one has a default that suits `npm start`. */
export interface LocalCloudOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Data folder (SQLite file, storage, outbox); omitted = in memory (tests). */
  dataDir?: string;
  root?: string;
  functionsDir?: string;
  workerScript?: string;
  databaseSpec?: string;
  logs?: 'print' | 'quiet';
  /** Run timers on their schedule (tests fire them on demand instead). */
  scheduleTimers?: boolean;
  maxInstances?: number;
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
  /** Calls a function as a mini program user, exactly as the gateway does. */
  call(name: string, data: unknown, openid: string): Promise<GatewayReply>;
  /** Wire requests served, by action (for tests and benchmarks). */
  requestCounts: Map<string, number>;
  close(): Promise<void>;
}

/** Starts a local cloud. */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const root = options.root ?? projectRoot();
  const clock = new Clock();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const store = new DocumentStore(options.dataDir ? join(options.dataDir, 'db.sqlite') : ':memory:', () =>
    clock.now(),
  );
  store.applySpec(loadDatabaseSpec(options.databaseSpec ?? join(root, 'cloudfunctions', 'database.json')));
  const transactions = new TransactionManager(store, () => clock.now());

  let baseUrl = '';
  const host = new FunctionHost({
    functionsDir: resolve(root, options.functionsDir ?? join('build', 'cloudfunctions')),
    workerScript: options.workerScript ?? join(root, 'build', 'localcloud', 'worker.js'),
    wireBase: () => baseUrl,
    envName: LOCAL_ENV,
    appid: LOCAL_APPID,
    clock,
    maxInstances: options.maxInstances,
    logs: options.logs ?? 'quiet',
  });
  const timers = new TimerScheduler(host, clock);

  const handlers: Record<string, WireHandler> = {
    ...databaseHandlers({ store, transactions, now: () => clock.now() }),
    ...functionHandlers(host),
  };
  const routes: HttpRoute[] = [gatewayRoute({ host, timers, clock, appid: LOCAL_APPID })];
  const requestCounts = new Map<string, number>();
  const { server, port } = await startWireServer({
    port: options.port ?? 0,
    handlers,
    routes,
    invocation: (id) => host.invocation(id),
    onRequest: (action: string, ctx: WireContext) => {
      requestCounts.set(action, (requestCounts.get(action) ?? 0) + 1);
      if (ctx.invocation && action.startsWith('database.')) ctx.invocation.dbRoundTrips += 1;
    },
  });
  baseUrl = `http://127.0.0.1:${port}`;
  if (options.scheduleTimers) timers.start();

  return {
    port,
    baseUrl,
    wireUrl: `${baseUrl}/admin`,
    envName: LOCAL_ENV,
    clock,
    store,
    transactions,
    host,
    timers,
    requestCounts,
    call: async (name, data, openid) =>
      toGatewayReply(
        await host.invoke(
          name,
          clientEvent(data, openid, LOCAL_APPID),
          { openid, appid: LOCAL_APPID },
          { source: 'wx_client' },
        ),
      ),
    close: async () => {
      timers.stop();
      await host.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      store.close();
    },
  };
}
