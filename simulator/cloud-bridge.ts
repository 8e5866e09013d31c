/**
 * `wx.cloud` for page tests, bridged over HTTP to the local cloud gateway named by
 * `globalThis.__mulinCloud = { gatewayUrl, user }` (set by `startPageCloud()`, the picture loader or a test).
 *
 * - `callFunction({ name, data })` → `POST {gatewayUrl}/gateway/call` with `{ name, data, user }`. The gateway
 *   answers `{ result, requestId, stats }`, or HTTP 200 `{ error: { errCode, errMsg } }` when the function
 *   failed; the latter rejects like wx: an Error with `errCode` and `errMsg: 'cloud.callFunction:fail …'`.
 * - `uploadFile({ cloudPath, filePath })` → `POST {gatewayUrl}/gateway/upload` with
 *   `{ cloudPath, content (base64), user }` → `{ fileID }` (or `{ error }`). `filePath` is a temp path from
 *   `wx.chooseMedia` (or `addTempFile`) or a real file on disk.
 * - `init` is recorded only.
 *
 * Uses node's http from inside jsdom; a keep-alive agent per test file, destroyed after the file.
 */
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { harness } from './state';

/** Longer than any function may run in a test cloud (TEST_FUNCTION_TIMEOUT_S): the function's outcome decides. */
const TIMEOUT_MS = 120_000;

/** The error wx.cloud calls reject with. */
export class WxCloudError extends Error {
  readonly errCode: number;
  readonly errMsg: string;
  /** The gateway's figures for the failed invocation, when it got that far. */
  readonly stats?: { dbRoundTrips: number; durationMs: number };
  constructor(
    api: string,
    errCode: number,
    reason: string,
    stats?: { dbRoundTrips: number; durationMs: number },
  ) {
    const prefix = `cloud.${api}:fail `;
    super(reason.startsWith(prefix) ? reason : `${prefix}${reason}`);
    this.errCode = errCode;
    this.errMsg = this.message;
    if (stats) this.stats = stats;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** Closes the bridge's sockets (setup.ts calls it after each test file, so jest can exit). */
export function closeCloudBridge(): void {
  agent.destroy();
}

function target(api: string): { gatewayUrl: string; user?: string } {
  const cloud = globalThis.__mulinCloud;
  if (!cloud?.gatewayUrl) {
    throw new WxCloudError(
      api,
      -1,
      'no local cloud: start one (page tests: startPageCloud()) or set globalThis.__mulinCloud',
    );
  }
  return cloud;
}

function postJson(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        timeout: TIMEOUT_MS,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** GETs a URL (a storage temp link of the local cloud) with the bridge's agent: its status and bytes. */
export function getBytes(url: string): Promise<{ status: number; bytes: Uint8Array }> {
  return new Promise((resolve, reject) => {
    // Temp links carry their path as CloudBase gives it; node wants it percent-encoded (once).
    const req = http.get(encodeURI(decodeURI(url)), { agent, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, bytes: new Uint8Array(Buffer.concat(chunks)) }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
  });
}

interface GatewayReply {
  result?: unknown;
  fileID?: string;
  requestId?: string;
  stats?: { dbRoundTrips: number; durationMs: number };
  error?: { errCode?: number; errMsg?: string };
}

/** Posts to a gateway route and returns the parsed success body, or throws a WxCloudError. */
async function gateway(api: string, route: string, body: Record<string, unknown>): Promise<GatewayReply> {
  const { gatewayUrl, user } = target(api);
  let response: { status: number; text: string };
  try {
    response = await postJson(`${gatewayUrl.replace(/\/$/, '')}${route}`, { ...body, user });
  } catch (err) {
    throw new WxCloudError(api, -1, `request to the local cloud failed: ${(err as Error).message}`);
  }
  let reply: GatewayReply;
  try {
    reply = JSON.parse(response.text) as GatewayReply;
  } catch {
    throw new WxCloudError(api, -1, `gateway HTTP ${response.status}: ${response.text.slice(0, 300)}`);
  }
  if (reply.error) {
    throw new WxCloudError(
      api,
      reply.error.errCode ?? -1,
      reply.error.errMsg ?? 'unknown error',
      reply.stats,
    );
  }
  if (response.status !== 200) {
    throw new WxCloudError(api, -1, `gateway HTTP ${response.status}: ${response.text.slice(0, 300)}`);
  }
  return reply;
}

interface Callbacks {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
}

/** Runs `work` in wx style: callbacks when any is given (returns undefined), a promise otherwise. */
function settle<T>(options: Callbacks, work: () => Promise<T>): Promise<T> | undefined {
  const promise = Promise.resolve().then(work);
  const { success, fail, complete } = options;
  if (!success && !fail && !complete) return promise;
  promise.then(
    (res) => {
      success?.(res);
      complete?.(res);
    },
    (err: unknown) => {
      fail?.(err);
      complete?.(err);
    },
  );
  return undefined;
}

async function callFunction(name: string, data: unknown): Promise<Record<string, unknown>> {
  const state = harness();
  const user = globalThis.__mulinCloud?.user;
  try {
    const reply = await gateway('callFunction', '/gateway/call', { name, data: data ?? {} });
    state.cloudCalls.push({
      name,
      data,
      user,
      result: reply.result,
      requestId: reply.requestId,
      stats: reply.stats,
    });
    return { errMsg: 'cloud.callFunction:ok', result: reply.result, requestID: reply.requestId };
  } catch (err) {
    const error = err as WxCloudError;
    state.cloudCalls.push({
      name,
      data,
      user,
      error: { errCode: error.errCode, errMsg: error.errMsg },
      stats: error.stats,
    });
    throw err;
  }
}

function readLocalFile(filePath: string): Uint8Array {
  const temp = harness().tempFiles.get(filePath);
  if (temp) return temp;
  if (existsSync(filePath)) return readFileSync(filePath);
  throw new WxCloudError('uploadFile', -1, `no such file: ${filePath}`);
}

async function uploadFile(cloudPath: string, filePath: string): Promise<Record<string, unknown>> {
  const content = Buffer.from(readLocalFile(filePath)).toString('base64');
  const reply = await gateway('uploadFile', '/gateway/upload', { cloudPath, content });
  return { errMsg: 'cloud.uploadFile:ok', fileID: reply.fileID, statusCode: 200 };
}

interface CallFunctionOptions extends Callbacks {
  name: string;
  data?: unknown;
}

interface UploadFileOptions extends Callbacks {
  cloudPath: string;
  filePath: string;
}

/** The `wx.cloud` object the setup installs. */
export const cloudBridge = {
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init(options: unknown = {}): void {
    harness().calls.push({ api: 'cloud.init', args: options });
  },
  callFunction(options: CallFunctionOptions) {
    harness().calls.push({ api: 'cloud.callFunction', args: { name: options.name, data: options.data } });
    return settle(options, () => callFunction(options.name, options.data));
  },
  uploadFile(options: UploadFileOptions) {
    harness().calls.push({
      api: 'cloud.uploadFile',
      args: { cloudPath: options.cloudPath, filePath: options.filePath },
    });
    return settle(options, () => uploadFile(options.cloudPath, options.filePath));
  },
};
