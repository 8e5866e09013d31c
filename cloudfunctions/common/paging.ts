/**
 * Paged lists (DESIGN.md budget: 20 items at a time). Every list action takes `offset` and `limit` (the `page`
 * schema, common/schemas) and replies with a {@link Page}; these helpers make that page, from a query (one round
 * trip) or from items already read whole.
 */
import type { db } from './cloud';
import { rows } from './db';
import type { Page } from './schemas';

/** The paging fields of a list action's input (the `page` schema). */
export interface Paging {
  offset: number;
  limit: number;
}

/** A sorted, filtered SDK query (`db.collection(…).where(…).orderBy(…)`), before paging. */
export type ListQuery = ReturnType<ReturnType<typeof db.collection>['where']>;

/** What {@link listPage} can also do. */
export interface ListOptions {
  /** Only these fields (the SDK's `field`: `{ name: false }` leaves one out). */
  fields?: Record<string, boolean>;
  /** Documents to read past the page's extra one, for the action's own use (e.g. a neighbour to check against). */
  beyond?: number;
}

/** Builds a page from `limit + 1` fetched items (the extra one says whether there is more). */
export function toPage<T>(fetched: readonly T[], offset: number, limit: number): Page<T> {
  return { items: fetched.slice(0, limit), next: fetched.length > limit ? offset + limit : null };
}

/**
 * One page of a query's documents (one round trip): skips `offset`, reads `limit + 1` (the extra one says whether
 * there is more) and `options.beyond` more; `beyond` holds what was read after the page (that extra one first).
 */
export async function readPage<D>(
  query: ListQuery,
  paging: Paging,
  options: ListOptions = {},
): Promise<{ page: Page<D>; beyond: D[] }> {
  let q = query.skip(paging.offset).limit(paging.limit + 1 + (options.beyond ?? 0));
  if (options.fields) q = q.field(options.fields);
  const fetched = rows<D>(await q.get());
  return {
    page: toPage(fetched.slice(0, paging.limit + 1), paging.offset, paging.limit),
    beyond: fetched.slice(paging.limit),
  };
}

/** One page of a query (one round trip, see {@link readPage}), each document shown through `view`. */
export async function listPage<D, V = D>(
  query: ListQuery,
  paging: Paging,
  view: (doc: D) => V = (doc) => doc as unknown as V,
  options: Omit<ListOptions, 'beyond'> = {},
): Promise<Page<V>> {
  const { page } = await readPage<D>(query, paging, options);
  return { items: page.items.map(view), next: page.next };
}

/** One page of items read whole (a list sorted or filtered after the read). */
export function pageOf<T>(all: readonly T[], paging: Paging): Page<T> {
  return toPage(all.slice(paging.offset, paging.offset + paging.limit + 1), paging.offset, paging.limit);
}
