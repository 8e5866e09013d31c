/**
 * EJSON in and out: the SDK sends canonical EJSON strings (`{"$numberInt":"1"}`, `$date`, `$regularExpression`);
 * documents live in SQLite as relaxed EJSON (so json_extract sees plain numbers and strings) and in memory as
 * plain JS values with Date and RegExp.
 */
import { BSONRegExp, EJSON } from 'bson';

/** A stored document: plain JSON-like values plus Date. */
export type Doc = Record<string, unknown> & { _id: string };

/** Parses an EJSON string from the SDK into JS values, turning BSON regexes into RegExp for mingo. */
export function decodeEjson(text: string | undefined | null): unknown {
  if (text == null || text === '') return undefined;
  return toJs(EJSON.parse(text));
}

/** Parses an EJSON string that must be an object (query, update, projection, order). */
export function decodeObject(text: unknown, what: string): Record<string, unknown> {
  if (text == null || text === '') return {};
  if (typeof text === 'object') return toJs(text) as Record<string, unknown>;
  if (typeof text !== 'string') throw new TypeError(`${what} must be an EJSON string`);
  const value = decodeEjson(text);
  if (value == null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function toJs(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
  if (Array.isArray(value)) return value.map(toJs);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJs(v);
    return out;
  }
  return value;
}

/** Serialises a document for a reply (canonical EJSON, as CloudBase sends). */
export function encodeForReply(doc: unknown): string {
  return EJSON.stringify(doc as Record<string, unknown>, { relaxed: false });
}

/** Serialises a document for storage (relaxed EJSON: plain numbers/strings for SQLite's json_extract). */
export function encodeForStorage(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true });
}

/** Parses a stored document. */
export function decodeStored(text: string): Doc {
  return toJs(EJSON.parse(text)) as Doc;
}

/** `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`; CloudBase substitutes its clock. */
export function substituteServerDates<T>(value: T, now: number): T {
  if (Array.isArray(value)) return value.map((v) => substituteServerDates(v, now)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    const record = value as Record<string, unknown>;
    const marker = record.$tcb_server_date as { offset?: unknown } | undefined;
    if (marker && Object.keys(record).length === 1) {
      const offset = typeof marker.offset === 'number' ? marker.offset : 0;
      return new Date(now + offset) as T;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = substituteServerDates(v, now);
    return out as T;
  }
  return value;
}

/** Deep copy of a stored value (documents handed out must never alias the cache). */
export function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}
