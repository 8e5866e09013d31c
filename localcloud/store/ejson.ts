/**
 * EJSON in and out: the SDK sends canonical EJSON strings (`{"$numberInt":"1"}`, `$date`, `$regularExpression`);
 * documents live in SQLite as relaxed EJSON (so json_extract sees plain numbers and strings) and in memory as
 * plain JS values with Date and RegExp.
 */
import { BSONRegExp, EJSON } from 'bson';
import { cloudErrors } from '../wire/errors';

/**
 * A stored document: plain JSON-like values plus Date, RegExp and BSON values (ObjectId…). `_id` is usually a string
 * but may be any value MongoDB accepts (see ids.ts).
 */
export type Doc = Record<string, unknown> & { _id: unknown };

/** Whether a value is one of bson's classes (ObjectId, Long, Decimal128, Binary…): kept whole, never walked. */
export function isBsonValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && '_bsontype' in value;
}

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
  if (isBsonValue(value)) return value;
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
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof RegExp) &&
    !isBsonValue(value)
  ) {
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
  if (value instanceof RegExp || isBsonValue(value)) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

/**
 * Refuses what MongoDB will not store: a field name that begins with `$` at any depth (CloudBase answers with
 * MongoDB's DollarPrefixedFieldName error). Checked on every document written, so a bad insert or update writes
 * nothing.
 */
export function assertStorable(doc: unknown, path = ''): void {
  if (Array.isArray(doc)) {
    doc.forEach((v, i) => assertStorable(v, path ? `${path}.${i}` : String(i)));
    return;
  }
  if (!doc || typeof doc !== 'object' || doc instanceof Date || doc instanceof RegExp || isBsonValue(doc))
    return;
  for (const [key, value] of Object.entries(doc)) {
    const here = path ? `${path}.${key}` : key;
    if (key.startsWith('$')) throw cloudErrors.dollarField(key, here);
    assertStorable(value, here);
  }
}
