/**
 * Idempotent creation (DESIGN.md convention 9): the client sends a key with each create; the new document's
 * `_id` is derived from (caller, kind, key), so a retried tap hits the primary key and has one effect.
 */
import { createHash } from 'node:crypto';

/** The document id for a create identified by `key`. */
export function idempotentId(callerId: string, kind: string, key: string): string {
  return createHash('sha256').update(`${callerId}\u0000${kind}\u0000${key}`).digest('hex').slice(0, 32);
}
