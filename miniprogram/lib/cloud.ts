/**
 * What every call replies (`{ ok, data } | { ok: false, error }`) and idempotency keys. The
 * calls themselves go through `call` in lib/api.ts. The reply and error types are the functions' own
 * (`import type`, erased at compile time), so the client and the server cannot drift apart.
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

/** Message shown when the call never produced a reply. */
export const TRANSPORT_MESSAGE = '网络不太顺畅，请稍后再试';

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
