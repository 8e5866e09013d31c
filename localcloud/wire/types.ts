/**
 * Shapes shared by the wire handlers: what a request to `/admin` carries and what a handler returns.
 * The SDK posts `{ action, envName, ...params }`; a handler returns the reply's `data` (or the whole reply
 * when `raw` is set) or throws a {@link CloudError}.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** The body of one wire request after JSON (or multipart) parsing. */
export type WireBody = Record<string, unknown> & { action: string };

/** What the server knows about the caller of one wire request. */
export interface WireContext {
  /** The function invocation that sent this request, when it came from the function host. */
  invocation?: InvocationInfo;
  /** Base URL of this local cloud, e.g. `http://127.0.0.1:8787` (for building file URLs). */
  baseUrl: string;
  /** Request headers, as received. */
  headers: IncomingHttpHeaders;
  /** Raw request body bytes (multipart open-API calls need them). */
  rawBody: Buffer;
}

/** One in-flight function invocation, as the host tracks it. */
export interface InvocationInfo {
  id: string;
  functionName: string;
  openid?: string;
  appid?: string;
  unionid?: string;
  /** Database round trips this invocation has made so far. */
  dbRoundTrips: number;
}

/** A reply: `data` goes under `data` in the JSON body; `top` fields go beside it (e.g. transactionId). */
export interface WireReply {
  data?: unknown;
  top?: Record<string, unknown>;
  /** A raw body (open-API protobuf replies) sent as application/octet-stream. */
  raw?: Buffer;
}

/** A handler for one wire action. */
export type WireHandler = (body: WireBody, ctx: WireContext) => WireReply | Promise<WireReply>;
