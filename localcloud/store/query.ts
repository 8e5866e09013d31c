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

/** Runs an aggregation pipeline; `$lookup` resolves other collections through `resolve`. */
export function runPipeline(
  docs: Doc[],
  pipeline: AnyObject[],
  resolve: (name: string) => Doc[],
): AnyObject[] {
  return new Aggregator(pipeline, { collectionResolver: resolve }).run(docs) as AnyObject[];
}
