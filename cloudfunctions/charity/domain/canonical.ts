/**
 * Canonical JSON: object keys sorted, no spaces, dates as ISO strings, undefined fields dropped. Two parties
 * that hold the same content always produce the same bytes, so a hash over it can be recomputed by anyone.
 */

/** A value canonical JSON can encode. */
export type Canonicalizable =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | readonly Canonicalizable[]
  | { readonly [key: string]: Canonicalizable };

/** The canonical text of a value. Throws on non-finite numbers (they have no JSON form). */
export function canonicalJson(value: Canonicalizable): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v as Canonicalizable)).join(',')}]`;
  const obj = value as { readonly [key: string]: Canonicalizable };
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
