/**
 * Query, sort, projection, update and aggregation semantics, delegated to mingo (MongoDB's semantics, which is
 * what CloudBase's document database implements).
 */
import { Aggregator, Query, update as mingoUpdate } from 'mingo';
import type { Doc } from './ejson';

type AnyObject = Record<string, unknown>;

/** A compiled filter. */
export interface Matcher {
  test(doc: Doc): boolean;
  /** The `_id` the filter pins to, when it is a plain equality on `_id` (fast path). */
  id?: string;
}

/** Compiles a filter once for many documents. */
export function compileFilter(filter: AnyObject): Matcher {
  const keys = Object.keys(filter);
  if (keys.length === 0) return { test: () => true };
  const query = new Query(filter);
  const id = typeof filter._id === 'string' ? filter._id : undefined;
  return { test: (doc) => query.test(doc), id };
}

/** Sorts by an order spec `{ field: 1 | -1, ... }` (keys in priority order); stable, so ties keep insertion order. */
export function sortDocs(docs: Doc[], order: Record<string, number>): Doc[] {
  const keys = Object.entries(order);
  if (keys.length === 0) return docs;
  return new Aggregator([{ $sort: Object.fromEntries(keys.map(([k, v]) => [k, v < 0 ? -1 : 1])) }]).run(
    docs,
  ) as Doc[];
}

/** Applies a projection `{ field: 1 }` or `{ field: 0 }`. */
export function project(docs: Doc[], projection: AnyObject): AnyObject[] {
  if (Object.keys(projection).length === 0) return docs;
  return new Aggregator([{ $project: projection }]).run(docs) as AnyObject[];
}

/**
 * Applies a Mongo update document to a copy the caller owns. Returns whether anything changed (CloudBase reports
 * `updated: 0` when the new value equals the old).
 */
export function applyUpdate(doc: Doc, updateDoc: AnyObject): boolean {
  const changed = mingoUpdate(doc, updateDoc as Parameters<typeof mingoUpdate>[1], undefined, undefined, {
    cloneMode: 'deep',
  });
  return changed.length > 0;
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
): AnyObject[] {
  let current: AnyObject[] = docs;
  let pending: AnyObject[] = [];
  const flush = () => {
    if (pending.length > 0)
      current = new Aggregator(pending, { collectionResolver: resolve }).run(current) as AnyObject[];
    pending = [];
  };
  for (const stage of pipeline) {
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

function valuesAt(doc: unknown, path: string): unknown[] {
  let values: unknown[] = [doc];
  for (const key of path.split('.')) {
    values = values.flatMap((v) => {
      if (Array.isArray(v))
        return v.map((x) => (x && typeof x === 'object' ? (x as AnyObject)[key] : undefined));
      return v && typeof v === 'object' ? [(v as AnyObject)[key]] : [undefined];
    });
  }
  // An array value matches by its elements (and an empty one by nothing); missing and null match null.
  return values.flatMap((v) => (Array.isArray(v) ? v : [v ?? null]));
}

function keyOf(v: unknown): string {
  return v instanceof Date ? `date:${v.getTime()}` : JSON.stringify(v);
}

function simpleLookup(
  docs: AnyObject[],
  foreign: Doc[],
  localField: string,
  foreignField: string,
  as: string,
): AnyObject[] {
  const index = new Map<string, Doc[]>();
  for (const f of foreign) {
    for (const key of new Set(valuesAt(f, foreignField).map(keyOf))) {
      const list = index.get(key);
      if (list) list.push(f);
      else index.set(key, [f]);
    }
  }
  return docs.map((d) => {
    const seen = new Set<Doc>();
    for (const key of new Set(valuesAt(d, localField).map(keyOf)))
      for (const f of index.get(key) ?? []) seen.add(f);
    // Joined documents keep the foreign collection's order, as MongoDB returns them.
    return { ...d, [as]: foreign.filter((f) => seen.has(f)) };
  });
}
