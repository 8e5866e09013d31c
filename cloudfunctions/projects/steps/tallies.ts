/**
 * The refresh timer's copy of a street's delivery records (project_tallies, domain/tally): each run reads only the
 * records changed since its cursors, a chunk at a time, and writes the pages they land in before the cursors — so
 * a run killed half-way leaves pages the next run overwrites with the same rows, and nothing is counted twice (the
 * copy holds each record once, by id). Records changed within the last minute wait for the next run: a write in
 * flight now may carry a time just before a cursor already past it.
 */
import { createHash } from 'node:crypto';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { TALLIES, type TallyPageDoc, type TallyStateDoc } from '../documents';
import {
  cursorAfter,
  loadPages,
  mergeRows,
  packRows,
  rowsOfPages,
  scopeKey,
  STREAMS,
  streamKey,
  type Cursor,
  unpackRows,
  type SourcePages,
} from '../domain/tally';
import { SOURCE_COLLECTIONS, type SourceName, type SourceRows } from '../domain/tracking';
import { FIELDS, lastingQuery, type SourceScope } from './sources';

/** Records read per change stream per chunk (a get's limit). */
export const CHUNK = 1000;
/** Chunks a run reads at most per street before leaving the rest to the next run. */
export const CHUNKS_PER_RUN = 6;
/** How long a change waits before it is read (writes still in flight carry times up to this far back). */
const LAG_MS = 60_000;

type Row = Record<string, unknown> & { _id: string };
const SOURCES = Object.keys(STREAMS) as SourceName[];

/** A volunteer as a one-way code of the street (recruits count people; the copy keeps no identity). */
const personCode = (streetId: string, id: unknown) =>
  createHash('sha256')
    .update(`${streetId}:${String(id)}`)
    .digest('hex')
    .slice(0, 16);

/** A read record as the copy keeps it: tracking's fields only, the volunteer coded. */
function keep(source: SourceName, streetId: string, r: Row): Row {
  if (source !== 'hours' && source !== 'signups') return r;
  return { ...r, volunteerId: personCode(streetId, r.volunteerId) };
}

/** The next chunk of one stream: records changed after `cursor`, up to `until`, in (time, id) order. */
async function readChunk(
  source: SourceName,
  field: string,
  scope: SourceScope,
  cursor: Cursor | undefined,
  until: Date,
): Promise<Row[]> {
  const after = cursor
    ? _.or([{ [field]: _.gt(cursor.at) }, { [field]: cursor.at, _id: _.gt(cursor.id) }])
    : { [field]: _.exists(true) };
  const where = _.and([lastingQuery(source, scope), { [field]: _.lte(until) }, after]);
  return rows<Row>(
    await db
      .collection(SOURCE_COLLECTIONS[source])
      .where(where as never)
      .orderBy(field, 'asc')
      .orderBy('_id', 'asc')
      .limit(CHUNK)
      .field(Object.fromEntries([...FIELDS[source], field].map((f) => [f, true])))
      .get(),
  );
}

/** What catching up left: the street's rows (complete when `caughtUp`), and the chunks it read. */
export interface Tally {
  rows: SourceRows;
  caughtUp: boolean;
  chunks: number;
}

/**
 * Brings the street's copy up to date as far as one run goes (at most CHUNKS_PER_RUN chunks, and no new chunk once
 * the run's `timeLeft` says so) and returns its rows.
 * Round trips: 1 to read the copy, then per chunk 1 of reads side by side and 1 of writes side by side, and 1 for
 * the cursors.
 */
export async function catchUp(
  streetId: string,
  scope: SourceScope,
  now: Date,
  timeLeft: () => boolean,
): Promise<Tally> {
  const stored = rows<TallyPageDoc | TallyStateDoc>(
    await db.collection(TALLIES).where({ streetId }).limit(1000).get(),
  );
  const key = scopeKey(scope);
  const prior = stored.find((d): d is TallyStateDoc => d.kind === 'state');
  // Another scope (a contract added, a period changed): the copy starts again, its old pages overwritten.
  const fresh = !prior || prior.scope !== key;
  const cursors: Record<string, Cursor> = fresh ? {} : { ...prior.cursors };
  const pages = {} as Record<SourceName, SourcePages>;
  const oldPages = new Map<SourceName, number[]>();
  for (const s of SOURCES) {
    const mine = stored.filter((d): d is TallyPageDoc => d.kind === 'page' && d.source === s);
    oldPages.set(
      s,
      mine.map((p) => p.n),
    );
    pages[s] = loadPages(fresh ? [] : mine.map((p) => ({ n: p.n, rows: unpackRows(p.rows) })));
  }
  const until = new Date(now.getTime() - LAG_MS);
  const open = new Set(SOURCES.flatMap((s) => STREAMS[s].map((f) => streamKey(s, f))));
  let chunks = 0;
  // At least one chunk a run (every street moves on), more while the run's time lasts.
  while (open.size > 0 && chunks < CHUNKS_PER_RUN && (chunks === 0 || timeLeft())) {
    chunks++;
    const streams = SOURCES.flatMap((s) =>
      STREAMS[s].filter((f) => open.has(streamKey(s, f))).map((f) => ({ s, f })),
    );
    const read = await Promise.all(
      streams.map(({ s, f }) => readChunk(s, f, scope, cursors[streamKey(s, f)], until)),
    );
    const touched = new Map<SourceName, Set<number>>();
    streams.forEach(({ s, f }, i) => {
      const got = read[i]!;
      const t = mergeRows(
        pages[s],
        got.map((r) => keep(s, streetId, r)),
      );
      touched.set(s, new Set([...(touched.get(s) ?? []), ...t]));
      const next = cursorAfter(got, f, cursors[streamKey(s, f)]);
      if (next) cursors[streamKey(s, f)] = next;
      if (got.length < CHUNK) open.delete(streamKey(s, f));
    });
    // The pages first, then the cursors: a run killed between them reads the same chunk again next time.
    await Promise.all(
      [...touched].flatMap(([s, ns]) =>
        [...ns].map((n) =>
          db
            .collection(TALLIES)
            .doc(`${streetId}:${s}:${n}`)
            .set({
              data: {
                kind: 'page',
                streetId,
                source: s,
                n,
                rows: packRows([...pages[s].pages.get(n)!.values()]),
              } satisfies Omit<TallyPageDoc, '_id'>,
            }),
        ),
      ),
    );
    if (fresh && chunks === 1) await dropStalePages(streetId, oldPages, pages);
    await db
      .collection(TALLIES)
      .doc(streetId)
      .set({
        data: {
          kind: 'state',
          streetId,
          scope: key,
          cursors,
          caughtUp: open.size === 0,
          updatedAt: now,
        } satisfies Omit<TallyStateDoc, '_id'>,
      });
  }
  return { rows: rowsOfPages(pages), caughtUp: open.size === 0, chunks };
}

/** A fresh copy's first chunk written: the old scope's pages it did not overwrite go. */
async function dropStalePages(
  streetId: string,
  old: Map<SourceName, number[]>,
  pages: Record<SourceName, SourcePages>,
): Promise<void> {
  const stale = [...old].flatMap(([s, ns]) =>
    ns.filter((n) => !pages[s].pages.has(n)).map((n) => `${streetId}:${s}:${n}`),
  );
  if (stale.length > 0)
    await db
      .collection(TALLIES)
      .where({ _id: _.in(stale) })
      .remove();
}
