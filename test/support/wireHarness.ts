/**
 * A small stand-alone wire server for contract tests of individual handlers (storage, open API) against the
 * real wx-server-sdk, before or without the full local cloud. It follows the same contract as
 * localcloud/wire/server.ts: `POST /admin` dispatched by `action` (multipart bodies carry it as a field),
 * replies `{ requestId, data }` / raw octet-stream / `{ code, message, requestId }` as
 * `application/json; charset=utf-8`, `?inv=<id>` in the endpoint URL names the calling invocation, and other
 * routes get the already-read body.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { multipartFields } from '../../localcloud/openapi/multipart';
import { CloudError } from '../../localcloud/wire/errors';
import type { InvocationInfo, WireBody, WireHandler } from '../../localcloud/wire/types';

/** A raw HTTP route (same shape as the server's `HttpRoute`). */
export type HarnessRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
) => Promise<boolean>;

/** One wire request the harness served: its action and text fields (binary parts summarised). */
export interface HarnessRequest {
  action: string;
  fields: Record<string, unknown>;
  contentType: string;
}

/** A running harness. */
export interface WireHarness {
  baseUrl: string;
  /** The endpoint for TCB_CONTEXT_CNFG. */
  wireUrl: string;
  envName: string;
  /** Requests served so far, oldest first. */
  requests: HarnessRequest[];
  close(): Promise<void>;
}

/** What a harness serves. */
export interface WireHarnessOptions {
  envName: string;
  handlers: Readonly<Record<string, WireHandler>>;
  routes?: HarnessRoute[];
  /** Invocations by id, for `?inv=<id>` endpoint URLs. */
  invocations?: ReadonlyMap<string, InvocationInfo>;
}

const sendJson = (res: ServerResponse, value: unknown): void => {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
};

const readAll = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Parses a wire body: JSON, or multipart with the action as a field. */
function parseBody(raw: Buffer, contentType: string): { body: WireBody; fields: Record<string, unknown> } {
  const parts = multipartFields(raw, contentType);
  if (parts) {
    const fields: Record<string, unknown> = {};
    for (const [name, part] of parts) {
      fields[name] = part.contentType
        ? `<${part.contentType}, ${part.value.length} bytes>`
        : part.value.toString();
    }
    if (typeof fields.action !== 'string')
      throw new CloudError('INVALID_PARAM', '[InvalidParameter] action is required');
    return { body: { action: fields.action }, fields };
  }
  const parsed = JSON.parse(raw.toString('utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as WireBody).action !== 'string') {
    throw new CloudError('INVALID_PARAM', '[InvalidParameter] action is required');
  }
  return { body: parsed as WireBody, fields: parsed as Record<string, unknown> };
}

/** Starts a harness on a free 127.0.0.1 port. */
export async function startWireHarness(options: WireHarnessOptions): Promise<WireHarness> {
  const requests: HarnessRequest[] = [];
  let baseUrl = '';
  let counter = 0;

  const handleWire = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    raw: Buffer,
  ): Promise<void> => {
    const requestId = `harness-${++counter}`;
    const contentType = req.headers['content-type'] ?? '';
    try {
      const { body, fields } = parseBody(raw, contentType);
      requests.push({ action: body.action, fields, contentType });
      const handler = options.handlers[body.action];
      if (!handler)
        throw new CloudError(
          'INVALID_ACTION',
          `[InvalidParameter.Action] unsupported action: ${body.action}`,
        );
      const inv = url.searchParams.get('inv');
      const reply = await handler(body, {
        baseUrl,
        headers: req.headers,
        rawBody: raw,
        invocation: inv ? options.invocations?.get(inv) : undefined,
      });
      if (reply.raw) {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': reply.raw.length,
        });
        res.end(reply.raw);
        return;
      }
      sendJson(res, {
        requestId,
        ...(reply.top ?? {}),
        ...(reply.data !== undefined ? { data: reply.data } : {}),
      });
    } catch (err) {
      const e = err instanceof CloudError ? err : new CloudError('SYS_ERR', String(err));
      sendJson(res, { code: e.code, message: e.message, requestId });
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = await readAll(req);
      if (req.method === 'POST' && url.pathname === '/admin') return handleWire(req, res, url, raw);
      for (const route of options.routes ?? []) if (await route(req, res, url, raw)) return;
      res.writeHead(404).end();
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    wireUrl: `${baseUrl}/admin`,
    envName: options.envName,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A file entry of getTempFileURL's reply. */
export interface SdkTempFile {
  fileID: string;
  status: number;
  errMsg: string;
  maxAge?: number;
  tempFileURL: string;
}

/** An open API as the SDK exposes it (`cloud.openapi.security.msgSecCheck(params)`). */
export type SdkOpenApiMethod = (params: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** The parts of wx-server-sdk these tests call, typed from what 4.0.2 returns. */
export interface WxServerSdkStorage {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: unknown }): void;
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string; errMsg: string }>;
  getTempFileURL(o: {
    fileList: (string | { fileID: string; maxAge: number })[];
  }): Promise<{ fileList: SdkTempFile[]; errMsg: string }>;
  deleteFile(o: {
    fileList: string[];
  }): Promise<{ fileList: { fileID: string; status: number; errMsg: string }[]; errMsg: string }>;
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer; statusCode: number; errMsg: string }>;
  openapi: Record<string, Record<string, SdkOpenApiMethod>>;
}

/**
 * Points the real wx-server-sdk of this test process at `target` (the redirect variables of
 * shared/reference/CLOUDBASE-WIRE.md) and returns it initialised. `invocation` adds `?inv=<id>` to the
 * endpoint so the server knows the caller; the SDK reads the endpoint per request, so calling again switches.
 */
export function connectSdkTo(
  target: { envName: string; wireUrl: string },
  invocation?: string,
): WxServerSdkStorage {
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: target.envName,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    // node-sdk appends `env=…&seqId=…` straight after a URL that already has a `?`, hence the trailing `&`.
    TCB_CONTEXT_CNFG: JSON.stringify({
      URL: invocation ? `${target.wireUrl}?inv=${invocation}&` : target.wireUrl,
    }),
    SILENCE: 'true',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as WxServerSdkStorage;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  return sdk;
}
