/**
 * Shapes shared by the local open-API implementations. Each API takes the call's params (decoded from the
 * protobuf pairs, snake_case as the SDK sends them) and returns the JSON WeChat would reply with.
 */
import { randomBytes } from 'node:crypto';
import type { InvocationInfo } from '../wire/types';

/** A media param (the SDK sends `{ contentType, value: Buffer }` as a pair with content type and file name). */
export interface MediaParam {
  contentType: string;
  filename: string;
  value: Buffer;
}

/** Params of one call: JSON values, or {@link MediaParam}s for media pairs. */
export type OpenApiParams = Record<string, unknown>;

/** A WeChat JSON reply; `errcode` 0 is success, anything else the SDK throws as errCode. */
export type WxReply = { errcode: number; errmsg: string } & Record<string, unknown>;

/** What an API knows about the call besides its params. */
export interface OpenApiCall {
  apiName: string;
  params: OpenApiParams;
  /** The function invocation that made the call, when known. */
  invocation?: InvocationInfo;
  /** Call time. */
  now: Date;
}

/** One open API. */
export type OpenApiMethod = (call: OpenApiCall) => WxReply;

/** True for a {@link MediaParam}. */
export function isMediaParam(v: unknown): v is MediaParam {
  return typeof v === 'object' && v !== null && Buffer.isBuffer((v as { value?: unknown }).value);
}

/** A trace id in WeChat's shape (`60ae120f-371d5872-7941a05b`). */
export function traceId(now: Date): string {
  const time = Math.floor(now.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${time}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}

/** A WeChat error reply; the message ends with ` rid: <id>` as WeChat's do. */
export function wxError(errcode: number, errmsg: string, now: Date): WxReply {
  return { errcode, errmsg: `${errmsg} rid: ${traceId(now)}` };
}

/** WeChat error codes the local open APIs reply with. */
export const WxErrcode = {
  /** `invalid openid` */
  INVALID_OPENID: 40003,
  /** `media data missing` */
  MEDIA_DATA_MISSING: 41005,
  /** `data format error` */
  DATA_FORMAT_ERROR: 47001,
  /** `argument invalid!` (subscribeMessage template params) */
  ARGUMENT_INVALID: 47003,
  /** `risky content` */
  RISKY_CONTENT: 87014,
} as const;
