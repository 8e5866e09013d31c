/**
 * The local cloud's management API: the Tencent Cloud API 3.0 calls a deploy makes through
 * @cloudbase/manager-node (tcb: environment, collections, indexes, security rules; scf: functions and timer
 * triggers), answered from the same store, function host and timers the functions use.
 *
 * Reached two ways, both with the library unmodified: as the proxy the library is given (`proxy` option; CONNECT
 * tunnels to `*.tencentcloudapi.com`, TLS from this cloud's own authority, see tlsProxy.ts), or directly at
 * `POST /manage/<service>` (e.g. `TCB_BASE_URL=http://127.0.0.1:8787/manage/tcb`, which only redirects tcb).
 * Every call is signed (TC3-HMAC-SHA256) and checked against this cloud's key pair. `GET /manage/ca.pem` serves
 * the authority's certificate for the deploying process's NODE_EXTRA_CA_CERTS.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { FunctionHost } from '../host/functionHost';
import type { TimerScheduler } from '../host/timers';
import type { DocumentStore } from '../store/engine';
import type { DatabaseSpec } from '../store/schema';
import { readBody, sendJson, type HttpRoute } from '../wire/server';
import { ApiError, type ApiHandler } from './apiTypes';
import { DatabaseCatalog } from './databaseCatalog';
import { DeployedFunctions } from './deployedFunctions';
import { scfHandlers } from './scfApi';
import { tcbHandlers } from './tcbApi';
import { checkSignature, type ApiCredentials } from './tc3';
import { attachTunnel, makeCertificates, type TunnelCertificates } from './tlsProxy';

/** What the management API works on. */
export interface ManagementOptions {
  envId: string;
  /** Where deployed functions and the catalogue live. */
  dir: string;
  /** Whether the catalogue is kept on disk (a data folder) or in memory. */
  persist: boolean;
  /** Installed packages a deployed function may depend on. */
  modulesDir: string;
  store: DocumentStore;
  host: FunctionHost;
  timers: TimerScheduler;
  credentials: ApiCredentials;
  /** The declaration the store was started with, if any (its indexes are reported as existing). */
  spec?: DatabaseSpec;
  now: () => number;
}

/** One management call as received (tests read which calls a deploy made). */
export interface ManagementCall {
  service: string;
  action: string;
  /** The error code replied, if any. */
  error?: string;
}

/** The running management API. */
export interface Management {
  /** `GET /manage/ca.pem`, `POST /manage/<service>`. */
  route: HttpRoute;
  /** Makes the server the library's proxy (CONNECT to the API hosts). */
  attach(server: Server): void;
  credentials: ApiCredentials;
  calls: ManagementCall[];
  functions: DeployedFunctions;
  catalog: DatabaseCatalog;
}

/** The local cloud's default key pair: not a secret, like the SDK redirect's dummy keys. */
export const LOCAL_CREDENTIALS: ApiCredentials = { secretId: 'local', secretKey: 'local' };

/** Sets up the management API and loads the functions deployed before (they run from now on). */
export function createManagement(o: ManagementOptions): Management {
  mkdirSync(o.dir, { recursive: true });
  const catalog = new DatabaseCatalog(o.persist ? join(o.dir, 'catalog.json') : undefined);
  for (const c of o.spec?.collections ?? []) for (const ix of c.indexes ?? []) catalog.addIndex(c.name, ix);
  const functions = new DeployedFunctions(join(o.dir, 'functions'), o.modulesDir);
  for (const fn of functions.list()) o.host.define(functions.definition(fn));
  o.timers.reload();

  const services: Record<string, Record<string, ApiHandler>> = {
    tcb: tcbHandlers({ envId: o.envId, appId: '1250000000', store: o.store, catalog }),
    scf: scfHandlers({
      envId: o.envId,
      functions,
      now: o.now,
      changed: (fn) => {
        o.host.define(functions.definition(fn));
        o.timers.reload();
      },
    }),
  };
  // The tunnel's authority is made on first use: most local clouds (tests, previews) never see a deploy.
  let certs: Promise<TunnelCertificates> | undefined;
  const certificates = () => (certs ??= makeCertificates());
  const calls: ManagementCall[] = [];

  async function answer(
    service: string,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
  ): Promise<void> {
    const action = String(req.headers['x-tc-action'] ?? '');
    const RequestId = randomUUID();
    const call: ManagementCall = { service, action };
    calls.push(call);
    try {
      const refused = checkSignature(
        {
          method: req.method ?? 'POST',
          url: req.url ?? '/',
          host: String(req.headers.host ?? ''),
          contentType: String(req.headers['content-type'] ?? ''),
          authorization: req.headers.authorization,
          timestamp: req.headers['x-tc-timestamp'] as string | undefined,
          body,
        },
        o.credentials,
      );
      if (refused) throw new ApiError(refused.code, refused.message);
      const handler = services[service]?.[action];
      if (!handler)
        throw new ApiError(
          'InvalidAction',
          `the local cloud does not answer ${service}.${action || '(no action)'}`,
        );
      const params = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
      sendJson(res, 200, { Response: { ...(await handler(params)), RequestId } });
    } catch (err) {
      const e =
        err instanceof ApiError ? err : new ApiError('InternalError', (err as Error)?.message ?? String(err));
      call.error = e.code;
      sendJson(res, 200, { Response: { Error: { Code: e.code, Message: e.message }, RequestId } });
    }
  }

  return {
    credentials: o.credentials,
    calls,
    functions,
    catalog,
    route: async (req, res, url, body) => {
      if (!url.pathname.startsWith('/manage/')) return false;
      if (req.method === 'GET' && url.pathname === '/manage/ca.pem') {
        const { caPem } = await certificates();
        res.writeHead(200, { 'content-type': 'application/x-pem-file' });
        res.end(caPem);
        return true;
      }
      const service = url.pathname.slice('/manage/'.length).replace(/\/$/, '');
      if (req.method !== 'POST' || !services[service]) return false;
      await answer(service, req, res, body);
      return true;
    },
    attach: (server) =>
      attachTunnel(server, certificates, (req, res) => {
        const service = String(req.headers.host ?? '').split('.')[0]!;
        void readBody(req).then((body) => answer(service, req, res, body));
      }),
  };
}
