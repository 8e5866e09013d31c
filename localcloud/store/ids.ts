/**
 * Document ids. New ones are shaped like CloudBase's: 32 hex characters, time-prefixed so they sort roughly by
 * creation. Given ones may be any value MongoDB accepts as `_id` except arrays and regexes: strings, numbers,
 * ObjectIds, dates, booleans, embedded documents. The store keys documents by {@link idKey}.
 */
import { randomBytes } from 'node:crypto';
import { EJSON } from 'bson';
import { isBsonValue } from './ejson';

let counter = randomBytes(3).readUIntBE(0, 3);

/** A new document id. */
export function newDocId(nowMs: number): string {
  counter = (counter + 1) % 0xffffff;
  const time = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  return time + randomBytes(9).toString('hex') + counter.toString(16).padStart(6, '0');
}

/**
 * Whether a value can be a document's `_id`: not undefined, not an array or regex, and not a query (an object whose
 * first key is an operator, `{ $in: [...] }`).
 */
export function isDocId(value: unknown): boolean {
  if (value === undefined || Array.isArray(value) || value instanceof RegExp) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value && typeof value === 'object' && !(value instanceof Date) && !isBsonValue(value)) {
    const first = Object.keys(value)[0];
    return first === undefined || !first.startsWith('$');
  }
  return true;
}

/**
 * The key a document is stored under. A string id is its own key (so existing data keeps its keys); any other id
 * gets a prefix no string id uses, and numbers are keyed by value (12345 and 12345.0 are one `_id`, as in MongoDB).
 */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return `\u0000n:${Object.is(id, -0) ? 0 : id}`;
  return `\u0000j:${EJSON.stringify({ id } as Record<string, unknown>, { relaxed: false })}`;
}
