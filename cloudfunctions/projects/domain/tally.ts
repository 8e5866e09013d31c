/**
 * The refresh timer's stored copy of a street's delivery records (project_tallies), pure: which field of each
 * source collection tells that a record changed (its change streams), how read rows go into pages (a record keeps
 * its page; new ones fill the last page), and the copy read back as tracking's rows, each record once.
 */
import type { SourceName, SourceRows } from './tracking';

/** Rows a page holds at most before a new one starts. */
export const PAGE_ROWS = 2000;

/**
 * Per source, the fields a change sets (each read in its own order, from its own cursor): orders, donations and
 * rounds carry `updatedAt`; the hours ledger is append-only (a revocation is a new line); a sign-up is made or made
 * again (`signedUpAt`) or cancelled (`cancelledAt`).
 */
export const STREAMS: Record<SourceName, readonly string[]> = {
  orders: ['updatedAt'],
  hours: ['at'],
  signups: ['signedUpAt', 'cancelledAt'],
  donations: ['updatedAt'],
  rounds: ['updatedAt'],
};

/** A change stream's key in the cursors (`<source>_<field>`). */
export const streamKey = (source: SourceName, field: string) => `${source}_${field}`;

/** The last record a stream read: its change time, then its id (records of one time are read in id order). */
export interface Cursor {
  at: Date;
  id: string;
}

type Row = Record<string, unknown> & { _id: string };

/** The cursor after `rows` (read in order of `field`, then id), or `before` when none were read. */
export function cursorAfter(rows: readonly Row[], field: string, before?: Cursor): Cursor | undefined {
  const last = rows[rows.length - 1];
  return last ? { at: last[field] as Date, id: last._id } : before;
}

/** One source's pages in memory: the rows by id, and which page holds each. */
export interface SourcePages {
  pages: Map<number, Map<string, Row>>;
  pageOf: Map<string, number>;
}

/** A source's pages from stored ones (a row stored twice by an interrupted run counts once: the later page). */
export function loadPages(stored: readonly { n: number; rows: readonly Row[] }[]): SourcePages {
  const out: SourcePages = { pages: new Map(), pageOf: new Map() };
  for (const p of [...stored].sort((a, b) => a.n - b.n)) {
    const page = new Map<string, Row>();
    for (const r of p.rows) {
      const was = out.pageOf.get(r._id);
      if (was !== undefined) out.pages.get(was)!.delete(r._id);
      page.set(r._id, r);
      out.pageOf.set(r._id, p.n);
    }
    out.pages.set(p.n, page);
  }
  return out;
}

/**
 * Puts read rows into the pages: a known record is replaced where it is (a cancelled order replaces the completed
 * one it was), a new one goes to the last page or a new page once that is full. Returns the pages it changed.
 */
export function mergeRows(into: SourcePages, rows: readonly Row[]): Set<number> {
  const touched = new Set<number>();
  let last = Math.max(-1, ...into.pages.keys());
  for (const r of rows) {
    let n = into.pageOf.get(r._id);
    if (n === undefined) {
      if (last < 0 || into.pages.get(last)!.size >= PAGE_ROWS) into.pages.set(++last, new Map());
      n = last;
      into.pageOf.set(r._id, n);
    }
    into.pages.get(n)!.set(r._id, r);
    touched.add(n);
  }
  return touched;
}

/** The copy as tracking's rows (each record once). */
export function rowsOfPages(pages: Partial<Record<SourceName, SourcePages>>): SourceRows {
  const all = (s: SourceName) => [...(pages[s]?.pages.values() ?? [])].flatMap((p) => [...p.values()]);
  return {
    orders: all('orders') as never,
    hours: all('hours') as never,
    signups: all('signups') as never,
    donations: all('donations') as never,
    rounds: all('rounds') as never,
  };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * A page's rows as one string (dates as ISO text): thousands of small objects cost the database, the network and
 * the SDK far more to encode and decode than one string of the same bytes.
 */
export function packRows(rows: readonly Row[]): string {
  return JSON.stringify(rows);
}

/** A page's rows from their string (ISO text back to dates: the rows hold no other text of that exact form). */
export function unpackRows(packed: string): Row[] {
  return JSON.parse(packed, (_k, v: unknown) =>
    typeof v === 'string' && ISO.test(v) ? new Date(v) : v,
  ) as Row[];
}

/** The scope the copy was read over, as a comparable string (contracts added or changed start a new copy). */
export function scopeKey(s: { orgIds: string[]; communityIds: string[]; from: Date; to: Date }): string {
  return JSON.stringify([
    [...new Set(s.orgIds)].sort(),
    [...new Set(s.communityIds)].sort(),
    s.from.getTime(),
    s.to.getTime(),
  ]);
}
