/**
 * The HTTP front of the local cloud. `POST /admin` is the TCB admin API wx-server-sdk speaks (dispatched by
 * `action` to a handler); other routes are served by the parts that own them (`/storage/` files, `/gateway/`
 * calls for the mini program side). Only 127.0.0.1 is bound.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudError } from './errors';
import type { InvocationInfo, WireBody, WireContext, WireHandler } from './types';

/** A route outside `/admin`: returns true when it handled the request. */
export type HttpRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
) => Promise<boolean>;

/** What the server is built from. */
export interface WireServerOptions {
  port: number;
  handlers: Record<string, WireHandler>;
  routes: HttpRoute[];
  /** Finds the invocation a request belongs to (the host puts `inv=<id>` in each worker's endpoint URL). */
  invocation: (id: string) => InvocationInfo | undefined;
  /**
   * Awaited before a wire request is served (the network's delay, faults a test injects); throwing refuses it.
   */
  beforeRequest?: (action: string, ctx: WireContext) => Promise<void>;
  /** Called for every wire request after it is answered (for counters and logs). */
  onRequest?: (action: string, ctx: WireContext, ms: number, error?: CloudError) => void;
}

let requestCounter = 0;

/** Reads a whole request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Sends a JSON reply. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

function parseWireBody(req: IncomingMessage, raw: Buffer): WireBody {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) return { action: multipartAction(raw, type) };
  const parsed = JSON.parse(raw.toString('utf8')) as unknown;
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as WireBody).action !== 'string') {
    throw new CloudError('INVALID_PARAM', '[InvalidParameter] action is required');
  }
  return parsed as WireBody;
}

/** Multipart requests (open-API calls) are parsed by their handler; the server only needs the action name. */
function multipartAction(raw: Buffer, type: string): string {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  const text = raw.toString('latin1');
  const m = /name="action"\r\n\r\n([^\r\n]*)/.exec(text);
  if (!boundary || !m) throw new CloudError('INVALID_PARAM', '[InvalidParameter] action is required');
  return m[1]!;
}

/** Starts the server; resolves once it accepts connections. */
export async function startWireServer(options: WireServerOptions): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { code: 'SYS_ERR', message: String((err as Error)?.message ?? err) });
    });
  });
  server.keepAliveTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const raw = await readBody(req);
    if (req.method === 'POST' && url.pathname === '/admin') return handleWire(req, res, url, raw);
    for (const route of options.routes) if (await route(req, res, url, raw)) return;
    if (url.pathname === '/health') return sendJson(res, 200, { ok: true });
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${url.pathname}` });
  }

  async function handleWire(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<void> {
    const started = performance.now();
    const requestId = `local-${process.pid}-${++requestCounter}`;
    const invId = url.searchParams.get('inv');
    const ctx: WireContext = {
      invocation: invId ? options.invocation(invId) : undefined,
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      headers: req.headers,
      rawBody: raw,
    };
    let action = 'unknown';
    try {
      const body = parseWireBody(req, raw);
      action = body.action;
      const handler = options.handlers[action];
      if (!handler)
        throw new CloudError('INVALID_ACTION', `[InvalidParameter.Action] unsupported action: ${action}`);
      await options.beforeRequest?.(action, ctx);
      const reply = await handler(body, ctx);
      options.onRequest?.(action, ctx, performance.now() - started);
      if (reply.raw) {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': reply.raw.length,
        });
        res.end(reply.raw);
        return;
      }
      sendJson(res, 200, {
        requestId,
        ...(reply.top ?? {}),
        ...(reply.data !== undefined ? { data: reply.data } : {}),
      });
    } catch (err) {
      const cloudError = toCloudError(err, action);
      options.onRequest?.(action, ctx, performance.now() - started, cloudError);
      sendJson(res, 200, { code: cloudError.code, message: cloudError.message, requestId });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Any failure becomes a CloudBase-shaped error; unexpected ones keep their message but no stack. */
function toCloudError(err: unknown, action: string): CloudError {
  if (err instanceof CloudError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof SyntaxError || err instanceof TypeError)
    return new CloudError('INVALID_PARAM', `[InvalidParameter] ${message}`);
  if (action.startsWith('database.'))
    return new CloudError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${message}`);
  return new CloudError('SYS_ERR', message);
}
