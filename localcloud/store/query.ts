/**
 * Query, sort, projection, update and aggregation semantics, delegated to mingo (MongoDB's semantics, which is
 * what CloudBase's document database implements), with the operators where mingo differs from MongoDB replaced
 * and the ones it lacks added (see operators.ts), and geo queries over 2dsphere indexes (geo.ts).
 */
import { isBsonValue, type Doc } from './ejson';
import { findNear, geoIndexField, geometriesOf, nearestDistance, pointOf } from './geo';
import { idKey, isDocId } from './ids';
import { aggregateWith, newQuery, updateInPlace } from './operators';
import { cloudErrors } from '../wire/errors';

type AnyObject = Record<string, unknown>;

/** A compiled filter. */
export interface Matcher {
  test(doc: Doc): boolean;
  /** The key of the `_id` the filter pins to, when it is a plain equality on `_id` (fast path). */
  id?: string;
}

/** Compiles a filter once for many documents. */
export function compileFilter(filter: AnyObject): Matcher {
  const keys = Object.keys(filter);
  if (keys.length === 0) return { test: () => true };
  const query = newQuery(filter);
  const id = isDocId(filter._id) ? idKey(filter._id) : undefined;
  return { test: (doc) => query.test(doc), id };
}

/**
 * The order a near query (`$nearSphere`/`$near`, the SDK's `geoNear`) imposes: nearest first. MongoDB requires a
 * 2dsphere index on the field; `geoFields` are the collection's. Returns undefined for other filters.
 */
export function nearOrder(filter: AnyObject, geoFields: string[]): ((docs: Doc[]) => Doc[]) | undefined {
  const found = findNear(filter);
  if (!found) return undefined;
  geoIndexField(geoFields, found.operator, found.field);
  const distanceOf = (d: Doc) =>
    nearestDistance(geometriesOf(resolvePath(d, found.field)), found.near.point) ?? Infinity;
  return (docs) =>
    docs
      .map((doc, i) => ({ doc, i, d: distanceOf(doc) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .map((x) => x.doc);
}

/** Sorts by an order spec `{ field: 1 | -1, ... }` (keys in priority order); stable, so ties keep insertion order. */
export function sortDocs(docs: Doc[], order: Record<string, number>): Doc[] {
  const keys = Object.entries(order);
  if (keys.length === 0) return docs;
  return aggregateWith(docs, [
    { $sort: Object.fromEntries(keys.map(([k, v]) => [k, v < 0 ? -1 : 1])) },
  ]) as Doc[];
}

/** Applies a projection `{ field: 1 }` or `{ field: 0 }`. */
export function project(docs: Doc[], projection: AnyObject): AnyObject[] {
  if (Object.keys(projection).length === 0) return docs;
  return aggregateWith(docs, [{ $project: projection }]);
}

/**
 * Applies a Mongo update document to a copy the caller owns. Returns whether anything changed (CloudBase reports
 * `updated: 0` when the new value equals the old).
 */
export function applyUpdate(doc: Doc, updateDoc: AnyObject): boolean {
  return updateInPlace(doc, updateDoc).length > 0;
}

/**
 * Runs an aggregation pipeline; `$lookup` resolves other collections through `resolve`. The simple form of
 * `$lookup` (localField/foreignField) is evaluated here rather than by mingo, which puts a null in `as` for each
 * element of an array localField that matches nothing; MongoDB (and CloudBase) return only the matches.
 */
export function runPipeline(
  docs: Doc[],
  pipeline: AnyObject[],
  resolve: (name: string) => Doc[],
  geoFields: string[] = [],
): AnyObject[] {
  let current: AnyObject[] = docs;
  let pending: AnyObject[] = [];
  const flush = () => {
    if (pending.length > 0) current = aggregateWith(current, pending, resolve);
    pending = [];
  };
  pipeline.forEach((stage, i) => {
    if (stage.$geoNear !== undefined && i > 0)
      throw cloudErrors.invalidOperator('$geoNear is only valid as the first stage in a pipeline');
  });
  for (const stage of pipeline) {
    if (stage.$geoNear !== undefined) {
      current = geoNearStage(docs, stage.$geoNear as AnyObject, geoFields);
      continue;
    }
    const lookup = stage.$lookup as
      { from?: string; localField?: string; foreignField?: string; as?: string } | undefined;
    if (
      lookup &&
      lookup.localField !== undefined &&
      lookup.foreignField !== undefined &&
      typeof lookup.from === 'string'
    ) {
      flush();
      current = simpleLookup(
        current,
        resolve(lookup.from),
        lookup.localField,
        lookup.foreignField,
        lookup.as ?? 'joined',
      );
    } else {
      pending.push(stage);
    }
  }
  flush();
  return current;
}

/**
 * Calls `out` with each value at the dotted path, through arrays (one level at each step, as MongoDB matches):
 * an array value gives its elements (an empty one nothing); missing and null give null.
 */
function eachValueAt(v: unknown, parts: readonly string[], i: number, out: (value: unknown) => void): void {
  if (i === parts.length) {
    if (Array.isArray(v)) for (const x of v) out(x);
    else out(v ?? null);
    return;
  }
  const key = parts[i]!;
  const at = (x: unknown) => (x && typeof x === 'object' ? (x as AnyObject)[key] : undefined);
  if (Array.isArray(v)) for (const x of v) eachValueAt(at(x), parts, i + 1, out);
  else eachValueAt(at(v), parts, i + 1, out);
}

function keyOf(v: unknown): string {
  // Strings are most keys: a leading quote keeps them apart from every other type's key (none starts with one).
  if (typeof v === 'string') return `"${v}`;
  if (v instanceof Date) return `date:${v.getTime()}`;
  // An ObjectId joins only an equal ObjectId, never the string of its hex (JSON would make them equal).
  if (isBsonValue(v)) return `${(v as { _bsontype: string })._bsontype}:${String(v)}`;
  return JSON.stringify(v);
}

/** The join keys of a document's values at a path. */
function keysAt(doc: unknown, parts: readonly string[]): Set<string> {
  const keys = new Set<string>();
  eachValueAt(doc, parts, 0, (v) => keys.add(keyOf(v)));
  return keys;
}

function simpleLookup(
  docs: AnyObject[],
  foreign: Doc[],
  localField: string,
  foreignField: string,
  as: string,
): AnyObject[] {
  const local = docs.map((d) => keysAt(d, localField.split('.')));
  // Only the keys some document looks for are indexed (a join from one root reads a whole collection).
  const wanted = new Set<string>();
  for (const keys of local) for (const k of keys) wanted.add(k);
  const index = new Map<string, Doc[]>();
  const foreignParts = foreignField.split('.');
  if (wanted.size > 0)
    for (const f of foreign) {
      for (const key of keysAt(f, foreignParts)) {
        if (!wanted.has(key)) continue;
        const list = index.get(key);
        if (list) list.push(f);
        else index.set(key, [f]);
      }
    }
  return docs.map((d, i) => {
    const seen = new Set<Doc>();
    for (const key of local[i]!) for (const f of index.get(key) ?? []) seen.add(f);
    // Joined documents keep the foreign collection's order, as MongoDB returns them.
    return { ...d, [as]: seen.size === 0 ? [] : foreign.filter((f) => seen.has(f)) };
  });
}

/**
 * The `$geoNear` stage (CloudBase: `near`, `spherical`, `distanceField` required; `maxDistance`, `minDistance`,
 * `query`, `distanceMultiplier`, `includeLocs`, `key`, `limit`): documents nearest first, each with its distance in
 * metres (times the multiplier) at `distanceField` and, with `includeLocs`, the location measured.
 */
function geoNearStage(docs: Doc[], spec: AnyObject, geoFields: string[]): AnyObject[] {
  if (typeof spec.distanceField !== 'string' || spec.distanceField === '')
    throw cloudErrors.invalidParam('$geoNear requires a distanceField');
  const field = geoIndexField(geoFields, '$geoNear', spec.key);
  const point = pointOf(spec.near, '$geoNear near');
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  const [min, max] = [num(spec.minDistance, 0), num(spec.maxDistance, Infinity)];
  const multiplier = num(spec.distanceMultiplier, 1);
  const filter =
    spec.query && typeof spec.query === 'object' ? compileFilter(spec.query as AnyObject) : undefined;
  const hits: { doc: Doc; d: number; loc: unknown; i: number }[] = [];
  docs.forEach((doc, i) => {
    if (filter && !filter.test(doc)) return;
    const value = resolvePath(doc, field);
    let best: { d: number; loc: unknown } | undefined;
    for (const g of geometriesOf(value)) {
      const d = nearestDistance([g], point);
      if (d !== undefined && (!best || d < best.d)) best = { d, loc: g };
    }
    if (best && best.d >= min && best.d <= max) hits.push({ doc, d: best.d, loc: best.loc, i });
  });
  hits.sort((a, b) => a.d - b.d || a.i - b.i);
  const limited = typeof spec.limit === 'number' && spec.limit > 0 ? hits.slice(0, spec.limit) : hits;
  return limited.map(({ doc, d, loc }) => {
    const out = setPath({ ...doc }, spec.distanceField as string, d * multiplier);
    return typeof spec.includeLocs === 'string' ? setPath(out, spec.includeLocs, loc) : out;
  });
}

/** The value at a dotted path (through arrays of documents, as MongoDB resolves index keys). */
function resolvePath(doc: unknown, path: string): unknown {
  let values: unknown[] = [doc];
  for (const key of path.split('.')) {
    values = values.flatMap((v) => {
      if (Array.isArray(v) && !/^\d+$/.test(key))
        return v.map((x) => (x && typeof x === 'object' ? (x as AnyObject)[key] : undefined));
      return v && typeof v === 'object' ? [(v as AnyObject)[key]] : [];
    });
  }
  return values.length === 1 ? values[0] : values.filter((v) => v !== undefined);
}

/** Sets a dotted path on a shallow copy chain (the input document is never mutated). */
function setPath(doc: AnyObject, path: string, value: unknown): AnyObject {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...doc, [head!]: value };
  const inner = doc[head!];
  const base = inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as AnyObject) : {};
  return { ...doc, [head!]: setPath({ ...base }, rest.join('.'), value) };
}
