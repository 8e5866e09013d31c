/**
 * HTTP access for functions (CloudBase's HTTP 访问服务): a function whose config.json names an `httpPath` answers
 * plain HTTP requests under that path, as on `https://<env>.service.tcloudbase.com/<path>`. The request reaches the
 * function as CloudBase's integrated request — `{ path, httpMethod, headers, queryStringParameters, requestContext,
 * body, isBase64Encoded }` — with no caller (getWXContext has no OPENID); what it returns becomes the response: an
 * integrated response `{ statusCode, headers, body, isBase64Encoded }` as given, a string as text/plain, anything
 * else as JSON. A failed invocation is a 502 with CloudBase-like JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { FunctionHost } from './host/functionHost';
import type { HttpRoute } from './wire/server';

/** What the route needs. */
export interface HttpAccessDeps {
  host: FunctionHost;
  envName: string;
}

/** The function serving `pathname`: the longest configured path that is it or a parent of it. */
export function functionForPath(host: FunctionHost, pathname: string): string | undefined {
  let best: { name: string; len: number } | undefined;
  for (const name of host.names()) {
    const p = host.definition(name)?.config.httpPath?.replace(/\/+$/, '');
    if (!p) continue;
    if ((pathname === p || pathname.startsWith(`${p}/`)) && (!best || p.length > best.len))
      best = { name, len: p.length };
  }
  return best?.name;
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
): void {
  res.writeHead(status, headers);
  res.end(body);
}

/** Turns a function's return value into the HTTP response CloudBase would send. */
export function integratedResponse(value: unknown): {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
} {
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as { statusCode?: unknown }).statusCode === 'number'
  ) {
    const r = value as {
      statusCode: number;
      headers?: Record<string, string>;
      body?: unknown;
      isBase64Encoded?: boolean;
    };
    const body = typeof r.body === 'string' ? r.body : r.body === undefined ? '' : JSON.stringify(r.body);
    return {
      status: r.statusCode,
      headers: { ...(r.headers ?? {}) },
      body: r.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'),
    };
  }
  if (typeof value === 'string' || typeof value === 'number')
    return {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: Buffer.from(String(value)),
    };
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(value ?? null)),
  };
}

/** The HTTP access route. */
export function httpAccessRoute(deps: HttpAccessDeps): HttpRoute {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    const name = functionForPath(deps.host, url.pathname);
    if (!name) return false;
    const text = body.toString('utf8');
    const binary = body.length > 0 && Buffer.from(text, 'utf8').compare(body) !== 0;
    const event = {
      path: url.pathname,
      httpMethod: req.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
      ),
      queryStringParameters: Object.fromEntries(url.searchParams.entries()),
      requestContext: { requestId: randomBytes(16).toString('hex'), envId: deps.envName },
      body: binary ? body.toString('base64') : text,
      isBase64Encoded: binary,
    };
    const outcome = await deps.host.invoke(name, event, {}, { source: 'http' });
    if (!outcome.ok) {
      send(
        res,
        502,
        { 'content-type': 'application/json; charset=utf-8' },
        JSON.stringify({
          code: 'FUNCTIONS_EXECUTE_FAIL',
          message: outcome.error.message,
          requestId: outcome.stats.requestId,
        }),
      );
      return true;
    }
    const r = integratedResponse(JSON.parse(outcome.resultJson));
    send(res, r.status, r.headers, r.body);
    return true;
  };
}
