/**
 * Ids derived from what they stand for (pure: domain code may use it). The same parts always give the same id,
 * so two writers of one thing collide on the primary key instead of writing it twice.
 */
import { createHash } from 'node:crypto';

/** The document id for a create identified by `key` (also any id made of three parts). */
export function idempotentId(callerId: string, kind: string, key: string): string {
  return createHash('sha256').update(`${callerId}\u0000${kind}\u0000${key}`).digest('hex').slice(0, 32);
}
