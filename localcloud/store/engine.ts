/**
 * The document store: SQLite for durability, an in-memory mirror of every collection for queries (documents in
 * insertion order, as CloudBase returns them when no order is given). Every write is one SQLite transaction
 * applied before the mirror changes, so a failed write (a unique index refusing a duplicate) changes nothing.
 *
 * All methods are synchronous and the server runs them on one thread, so each wire request is atomic — the
 * single-document atomicity CloudBase promises (`where({_id, left: _.gt(0)}).update({left: _.inc(-1)})`).
 */
import { assertStorable, clone, decodeStored, encodeForStorage, type Doc } from './ejson';
import { idKey, isDocId, newDocId } from './ids';
import { applyUpdate, compileFilter, nearOrder, project, runPipeline, sortDocs } from './query';
import type { CollectionSpec, DatabaseSpec, IndexSpec } from './schema';
import { SqliteFile, sqliteIndexName, type RowChange } from './sqlite';
import { cloudErrors, CloudError } from '../wire/errors';

type AnyObject = Record<string, unknown>;

/** A document with its bookkeeping. `version` is the store-wide write counter when it was last written. */
export interface Entry {
  seq: number;
  version: number;
  doc: Doc;
}

/**
 * One change to commit: `doc: null` deletes; `insert` requires that the document does not exist yet. `id` is the
 * document's key ({@link idKey} of its `_id`).
 */
export interface Change {
  coll: string;
  id: string;
  doc: Doc | null;
  insert?: boolean;
}

/** Options of a find. */
export interface FindOptions {
  order?: Record<string, number>;
  offset?: number;
  limit?: number;
  projection?: AnyObject;
}

/** Hooks the transaction manager installs to see writes (snapshot history) and guard locked documents. */
export interface WriteObserver {
  /** Throws when `key` is locked by a transaction other than `txId`. */
  checkLock(coll: string, id: string, txId?: string): void;
  /** Called before a document changes, with its state at that moment and whether the change deletes it. */
  beforeChange(coll: string, id: string, current: Entry | undefined, deleting: boolean): void;
}

/** Counts of what a write did. */
export interface WriteResult {
  matched: number;
  updated: number;
  upsertedId?: unknown;
}

interface CollectionState {
  /** Documents by {@link idKey} of their `_id`. */
  docs: Map<string, Entry>;
  uniqueIndexes: IndexSpec[];
  /** Fields with a 2dsphere index (near queries and `$geoNear` need one). */
  geoFields: string[];
}

/** Hard cap on documents per get, as CloudBase enforces in cloud functions. */
export const MAX_LIMIT = 1000;
/** Default page size when the caller gives none. */
export const DEFAULT_LIMIT = 100;

/** The store. */
export class DocumentStore {
  private readonly file: SqliteFile;
  private readonly collections = new Map<string, CollectionState>();
  private seq: number;
  /** Store-wide write counter; transactions take their snapshot from it. */
  version = 0;
  observer?: WriteObserver;

  /** `path`: the SQLite file, `:memory:`, or a database image to load into memory (see SqliteFile). */
  constructor(
    path: string | Buffer,
    private readonly now: () => number,
  ) {
    this.file = new SqliteFile(path);
    for (const name of this.file.listCollections())
      this.collections.set(name, { docs: new Map(), uniqueIndexes: [], geoFields: [] });
    for (const row of this.file.allRows()) {
      const state = this.collections.get(row.coll);
      if (state) state.docs.set(row.id, { seq: row.seq, version: 0, doc: decodeStored(row.doc) });
    }
    this.seq = this.file.maxSeq();
  }

  /** Creates the declared collections and indexes that do not exist yet (what a deploy does). */
  applySpec(spec: DatabaseSpec): void {
    for (const c of spec.collections) this.declareCollection(c);
  }

  private declareCollection(c: CollectionSpec): void {
    if (!this.collections.has(c.name)) this.createCollection(c.name);
    const state = this.collections.get(c.name)!;
    for (const ix of c.indexes ?? []) {
      this.file.createIndex(c.name, ix);
      if (ix.unique && !state.uniqueIndexes.some((u) => u.name === ix.name)) state.uniqueIndexes.push(ix);
      for (const [field, kind] of Object.entries(ix.keys))
        if (kind === '2dsphere' && !state.geoFields.includes(field)) state.geoFields.push(field);
    }
  }

  /** Creates a collection; CloudBase refuses an existing name. */
  createCollection(name: string): void {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(name))
      throw cloudErrors.invalidParam(`invalid collection name: ${name}`);
    if (this.collections.has(name)) throw cloudErrors.collectionExists(name);
    this.file.addCollection(name, this.now());
    this.collections.set(name, { docs: new Map(), uniqueIndexes: [], geoFields: [] });
  }

  /** Names of all collections. */
  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  /** Whether a collection exists. */
  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  private state(coll: string): CollectionState {
    const state = this.collections.get(coll);
    if (!state) throw cloudErrors.collectionNotExist();
    return state;
  }

  /** The live entry for a key ({@link idKey} of an `_id`; callers must not mutate it). */
  entry(coll: string, key: string): Entry | undefined {
    return this.state(coll).docs.get(key);
  }

  /** All documents of a collection in insertion order (callers must not mutate them). */
  docs(coll: string): Doc[] {
    const out: Doc[] = [];
    for (const e of this.state(coll).docs.values()) out.push(e.doc);
    return out;
  }

  /** Matching entries, in insertion order — or nearest first for a near query (which needs a 2dsphere index). */
  private matching(coll: string, filter: AnyObject): Entry[] {
    const state = this.state(coll);
    const matcher = compileFilter(filter);
    const near = nearOrder(filter, state.geoFields);
    if (matcher.id !== undefined) {
      const e = state.docs.get(matcher.id);
      return e && matcher.test(e.doc) ? [e] : [];
    }
    const out: Entry[] = [];
    for (const e of state.docs.values()) if (matcher.test(e.doc)) out.push(e);
    if (!near) return out;
    const byDoc = new Map(out.map((e) => [e.doc, e]));
    return near(out.map((e) => e.doc)).map((d) => byDoc.get(d)!);
  }

  /**
   * Finds documents: filter, then order (default insertion order, or nearest first for a near query), offset, limit
   * (capped at 1000), projection.
   */
  find(coll: string, filter: AnyObject, options: FindOptions = {}): AnyObject[] {
    let docs = this.matching(coll, filter).map((e) => e.doc);
    if (options.order && Object.keys(options.order).length > 0) docs = sortDocs(docs, options.order);
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.min(MAX_LIMIT, Math.max(0, options.limit ?? DEFAULT_LIMIT));
    docs = docs.slice(offset, offset + limit);
    return options.projection ? project(docs, options.projection) : docs;
  }

  /** Counts matching documents. */
  count(coll: string, filter: AnyObject): number {
    return this.matching(coll, filter).length;
  }

  /** Runs an aggregation pipeline over a collection. */
  aggregate(coll: string, pipeline: AnyObject[]): AnyObject[] {
    return runPipeline(
      this.docs(coll),
      pipeline,
      (name) => (this.collections.has(name) ? this.docs(name) : []),
      this.state(coll).geoFields,
    );
  }

  /** Inserts documents (all or none); returns their `_id`s. */
  insert(coll: string, docs: AnyObject[], txId?: string): unknown[] {
    this.state(coll);
    const changes: Change[] = docs.map((d) => {
      const id = d._id === undefined ? newDocId(this.now()) : d._id;
      if (!isDocId(id) || id === '') throw cloudErrors.invalidParam(`invalid _id: ${String(id)}`);
      const doc = { ...clone(d), _id: id } as Doc;
      assertStorable(doc);
      return { coll, id: idKey(id), doc, insert: true };
    });
    this.commit(changes, txId);
    return changes.map((c) => c.doc!._id);
  }

  /**
   * Updates matching documents with a Mongo update document, or replaces them (`replace`). `multi: false` touches
   * the first match only. With `upsert` and no match, a document is created from the filter's `_id`.
   */
  update(
    coll: string,
    filter: AnyObject,
    updateDoc: AnyObject,
    opts: { multi: boolean; replace?: boolean; upsert?: boolean; txId?: string },
  ): WriteResult {
    let targets = this.matching(coll, filter);
    if (!opts.multi) targets = targets.slice(0, 1);
    if (targets.length === 0) {
      if (!opts.upsert) return { matched: 0, updated: 0 };
      // The new document keeps the filter's `_id` whatever its type (doc(12345).set() upserts _id 12345).
      const id = isDocId(filter._id) ? filter._id : undefined;
      const base = opts.replace ? { ...updateDoc } : {};
      const doc = { ...clone(base), ...(id !== undefined ? { _id: id } : {}) } as Doc;
      if (!opts.replace) applyUpdate(doc, updateDoc);
      const [newId] = this.insert(coll, [doc], opts.txId);
      return { matched: 0, updated: 0, upsertedId: newId };
    }
    const changes: Change[] = [];
    for (const e of targets) {
      const next = this.nextDoc(e.doc, updateDoc, opts.replace === true);
      if (next) changes.push({ coll, id: idKey(e.doc._id), doc: next });
    }
    this.commit(changes, opts.txId);
    return { matched: targets.length, updated: changes.length };
  }

  /**
   * The document after an update, or undefined when it would not change. Refuses changing `_id` and field names
   * MongoDB will not store.
   */
  nextDoc(current: Doc, updateDoc: AnyObject, replace: boolean): Doc | undefined {
    if (replace) {
      const next = { ...clone(updateDoc), _id: current._id } as Doc;
      assertStorable(next);
      return sameDoc(current, next) ? undefined : next;
    }
    const next = clone(current);
    if (!applyUpdate(next, updateDoc)) return undefined;
    if (idKey(next._id) !== idKey(current._id))
      throw cloudErrors.invalidParam('the _id field cannot be changed');
    assertStorable(next);
    return next;
  }

  /** Updates the first match and returns it after the update (find-and-modify). */
  findAndModify(
    coll: string,
    filter: AnyObject,
    updateDoc: AnyObject,
    order?: Record<string, number>,
  ): Doc | undefined {
    let docs = this.matching(coll, filter).map((e) => e.doc);
    if (order && Object.keys(order).length > 0) docs = sortDocs(docs, order);
    const target = docs[0];
    if (!target) return undefined;
    const next = this.nextDoc(target, updateDoc, false);
    if (next) this.commit([{ coll, id: idKey(target._id), doc: next }]);
    return next ?? target;
  }

  /** Removes matching documents (`multi: false`: the first only). */
  remove(coll: string, filter: AnyObject, multi: boolean, txId?: string): number {
    let targets = this.matching(coll, filter);
    if (!multi) targets = targets.slice(0, 1);
    this.commit(
      targets.map((e) => ({ coll, id: idKey(e.doc._id), doc: null })),
      txId,
    );
    return targets.length;
  }

  /**
   * Applies changes atomically: SQLite first (so a unique index can refuse), then the mirror. A change marked
   * `insert` must create a new document (a duplicate `_id` is refused like any unique key).
   */
  commit(changes: Change[], txId?: string): void {
    if (changes.length === 0) return;
    for (const c of changes) this.observer?.checkLock(c.coll, c.id, txId);
    const rows: RowChange[] = [];
    let seq = this.seq;
    for (const c of changes) {
      const state = this.state(c.coll);
      const existing = state.docs.get(c.id);
      if (c.insert && existing)
        throw cloudErrors.duplicateKey(c.coll, '_id_', `{ _id: ${JSON.stringify(c.doc?._id ?? c.id)} }`);
      rows.push({
        coll: c.coll,
        id: c.id,
        doc: c.doc === null ? null : encodeForStorage(c.doc),
        insertSeq: existing || c.doc === null ? undefined : ++seq,
      });
    }
    try {
      this.file.apply(rows);
    } catch (err) {
      throw this.translateSqliteError(err, changes[0]!.coll);
    }
    this.seq = seq;
    this.version += 1;
    rows.forEach((row, i) => {
      const c = changes[i]!;
      const state = this.collections.get(c.coll)!;
      const existing = state.docs.get(c.id);
      this.observer?.beforeChange(c.coll, c.id, existing, c.doc === null);
      if (c.doc === null) state.docs.delete(c.id);
      else if (existing) state.docs.set(c.id, { seq: existing.seq, version: this.version, doc: c.doc });
      else state.docs.set(c.id, { seq: row.insertSeq!, version: this.version, doc: c.doc });
    });
  }

  private translateSqliteError(err: unknown, coll: string): Error {
    const e = err as { code?: string; message?: string };
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const m = /index '([^']+)'/.exec(e.message ?? '');
      const [where, index] = m ? this.declaredIndex(m[1]!) : [coll, '_id_'];
      return cloudErrors.duplicateKey(where, index, '(duplicate value)');
    }
    return err instanceof CloudError
      ? err
      : new CloudError('DATABASE_REQUEST_FAILED', String(e.message ?? err));
  }

  /** The collection and declared name of a SQLite index. */
  private declaredIndex(sqliteName: string): [string, string] {
    for (const [coll, state] of this.collections) {
      for (const ix of state.uniqueIndexes)
        if (sqliteIndexName(coll, ix.name) === sqliteName) return [coll, ix.name];
    }
    return ['?', sqliteName];
  }

  /** Closes the database file. */
  close(): void {
    this.file.close();
  }
}

function sameDoc(a: Doc, b: Doc): boolean {
  return encodeForStorage(a) === encodeForStorage(b);
}
