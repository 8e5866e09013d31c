/**
 * The one wrapper around `wx.cloud.callFunction`. Every cloud function is an action router, so a call names
 * the function (capability) and the action; the reply is the function's own `{ ok, data } | { ok: false, error }`.
 * Transport failures (network, timeout, the function crashing) come back as an INTERNAL error reply, so
 * callers handle exactly one shape and never a rejected promise.
 *
 * The reply and error types are the functions' own (`import type`, erased at compile time), so the client and
 * the server cannot drift apart.
 */
import type { ErrorCode, ErrorReply, FieldIssue, Reply } from '../../cloudfunctions/common/reply';

/** The error codes a function can return (DESIGN.md convention 6). */
export type CloudErrorCode = ErrorCode;

/** One problem with one input field; `path` is dotted, e.g. `contact.phone`. */
export type CloudIssue = FieldIssue;

/** The error half of a reply. */
export type CloudError = ErrorReply['error'];

/** A function's reply: `{ ok: true, data }` or `{ ok: false, error }`. */
export type CloudReply<T> = Reply<T>;

/** The cloud functions, one per capability. */
export type CapabilityName = 'account' | 'services' | 'proposals' | 'volunteering' | 'charity';

/** Message shown when the call never produced a reply. */
export const TRANSPORT_MESSAGE = '网络不太顺畅，请稍后再试';

function isReply(value: unknown): value is CloudReply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (reply.ok === true) return 'data' in reply;
  return (
    reply.ok === false && typeof reply.error?.code === 'string' && typeof reply.error.message === 'string'
  );
}

function errMsgOf(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'errMsg' in err) return String(err.errMsg);
  return err instanceof Error ? err.message : String(err);
}

/**
 * Calls `action` on the cloud function `name` with `payload`, and returns its typed reply.
 * `action` is set last, so a payload cannot override it. Never rejects.
 * @example const reply = await call<ServiceMenu>('services', 'listMenu', { communityId });
 */
export async function call<T>(
  name: CapabilityName,
  action: string,
  payload: object = {},
): Promise<CloudReply<T>> {
  let result: unknown;
  try {
    const res = await wx.cloud.callFunction({ name, data: { ...payload, action } });
    result = res.result;
  } catch (err) {
    console.warn(`cloud ${name}.${action} failed: ${errMsgOf(err)}`);
    return { ok: false, error: { code: 'INTERNAL', message: TRANSPORT_MESSAGE } };
  }
  if (isReply(result)) return result as CloudReply<T>;
  console.warn(`cloud ${name}.${action} returned no reply envelope`);
  return { ok: false, error: { code: 'INTERNAL', message: TRANSPORT_MESSAGE } };
}

/**
 * Field errors of an INVALID_INPUT reply, keyed by the field's dotted path (first message per field);
 * `{}` for any other reply. Pages show them inline under each field.
 */
export function fieldErrors(reply: CloudReply<unknown>): Record<string, string> {
  if (reply.ok || reply.error.code !== 'INVALID_INPUT') return {};
  const errors: Record<string, string> = {};
  for (const issue of reply.error.issues ?? []) errors[issue.path] ??= issue.message;
  return errors;
}

let keyCounter = 0;

/**
 * A fresh idempotency key for one create action (DESIGN.md convention 9). Make one when the form opens (or on
 * the first tap), send the SAME key with every retry of that submission as `idempotencyKey`, and make a new one
 * only after the create succeeded — so a double tap or a retried request has one effect.
 */
export function newIdempotencyKey(): string {
  keyCounter = (keyCounter + 1) % 0x10000;
  const random = Math.floor(Math.random() * 0x100000000)
    .toString(36)
    .padStart(7, '0');
  return `${Date.now().toString(36)}-${keyCounter.toString(36)}-${random}`;
}
