/**
 * Transactions as CloudBase runs them: snapshot reads, single-document operations only, a write lock per
 * document taken at the first write, and a conflict error (DATABASE_TRANSACTION_CONFLICT) when two writers meet.
 * - A transaction that writes a document another transaction has locked, or that someone changed after this
 *   transaction's snapshot, is doomed: its commit fails with the conflict error. Reporting it at commit is what
 *   lets wx-server-sdk's `runTransaction` retry it (the SDK rewraps errors of document calls inside the callback
 *   and loses their code, but passes a commit error through, and retries on that code).
 * - A plain write to a document locked by a transaction fails at once with the same error.
 * - Commit applies all buffered writes in one SQLite transaction; an idle transaction expires after 30 s.
 * Snapshot reads use a short history of overwritten versions, kept only while some transaction may need it.
 */
import { clone, type Doc } from './ejson';
import { newDocId } from './ids';
import type { Change, DocumentStore, Entry, WriteObserver } from './engine';
import { cloudErrors } from '../wire/errors';

type AnyObject = Record<string, unknown>;

interface State {
  /** Store version at which this state began. */
  version: number;
  doc: Doc | null;
}

interface Tx {
  id: string;
  snapshot: number;
  lastUsed: number;
  writes: Map<string, Change>;
  /** Keys this transaction created (committed as inserts, so a racing insert of the same id is refused). */
  inserts: Set<string>;
  /** Set when a write met another writer: the commit will fail with a conflict. */
  doomed: boolean;
}

/** How long an unused transaction lives (CloudBase: commit or abort within 30 seconds). */
export const TRANSACTION_TTL_MS = 30_000;

const key = (coll: string, id: string) => `${coll}\u0000${id}`;

/** Owns every open transaction of one store. */
export class TransactionManager implements WriteObserver {
  private readonly open = new Map<string, Tx>();
  private readonly locks = new Map<string, string>();
  private readonly history = new Map<string, State[]>();
  /** When each currently-absent document was deleted (so snapshot reads know it existed before). */
  private readonly tombstones = new Map<string, number>();
  private closesSincePrune = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number,
  ) {
    store.observer = this;
  }

  /** Opens a transaction; its reads see the store as of now. */
  start(): string {
    this.expire();
    const id = `tx_${newDocId(this.now())}`;
    this.open.set(id, {
      id,
      snapshot: this.store.version,
      lastUsed: this.now(),
      writes: new Map(),
      inserts: new Set(),
      doomed: false,
    });
    return id;
  }

  /** Number of open transactions (for tests and diagnostics). */
  openCount(): number {
    return this.open.size;
  }

  private tx(id: string): Tx {
    this.expire();
    const tx = this.open.get(id);
    if (!tx) throw cloudErrors.transactionNotExist(id);
    tx.lastUsed = this.now();
    return tx;
  }

  /** Reads one document as of the snapshot, seeing this transaction's own writes. */
  get(txId: string, coll: string, id: string): Doc | undefined {
    const tx = this.tx(txId);
    const own = tx.writes.get(key(coll, id));
    if (own) return own.doc ?? undefined;
    return this.snapshotDoc(tx, coll, id) ?? undefined;
  }

  private snapshotDoc(tx: Tx, coll: string, id: string): Doc | null {
    const current = this.store.entry(coll, id);
    const k = key(coll, id);
    const currentVersion = current ? current.version : (this.tombstones.get(k) ?? 0);
    if (currentVersion <= tx.snapshot) return current ? current.doc : null;
    const states = this.history.get(k) ?? [];
    for (let i = states.length - 1; i >= 0; i--) if (states[i]!.version <= tx.snapshot) return states[i]!.doc;
    return null;
  }

  /**
   * Buffers a write to one document. `compute` gets the document as this transaction sees it and returns the new
   * document, null to delete, or undefined for no change. Returns whether it changed something.
   */
  write(
    txId: string,
    coll: string,
    id: string,
    compute: (base: Doc | undefined) => Doc | null | undefined,
  ): boolean {
    const tx = this.tx(txId);
    const k = key(coll, id);
    const owner = this.locks.get(k);
    const current = this.store.entry(coll, id);
    const currentVersion = current ? current.version : (this.tombstones.get(k) ?? 0);
    const own = tx.writes.get(k);
    const base = own ? (own.doc ?? undefined) : (this.snapshotDoc(tx, coll, id) ?? undefined);
    const next = compute(base === undefined ? undefined : clone(base));
    if (next === undefined) return false;
    if ((owner && owner !== txId) || currentVersion > tx.snapshot) tx.doomed = true;
    else this.locks.set(k, txId);
    tx.writes.set(k, { coll, id, doc: next });
    return true;
  }

  /** Buffers an insert; returns the new id. */
  insert(txId: string, coll: string, doc: AnyObject): string {
    const tx = this.tx(txId);
    if (!this.store.hasCollection(coll)) throw cloudErrors.collectionNotExist(coll);
    const id = typeof doc._id === 'string' && doc._id ? doc._id : newDocId(this.now());
    this.write(txId, coll, id, (base) => {
      if (base) throw cloudErrors.duplicateKey(coll, '_id_', `{ _id: "${id}" }`);
      return { ...clone(doc), _id: id } as Doc;
    });
    tx.inserts.add(key(coll, id));
    return id;
  }

  /** Applies every buffered write atomically and closes the transaction. */
  commit(txId: string): void {
    const tx = this.tx(txId);
    if (tx.doomed) {
      this.close(tx);
      throw cloudErrors.transactionConflict();
    }
    const changes = [...tx.writes.entries()].map(([k, c]) => ({
      ...c,
      insert: tx.inserts.has(k) && c.doc !== null,
    }));
    try {
      // One SQLite transaction for all of them, so a refused duplicate leaves nothing half-applied.
      this.store.commit(
        changes.filter((c) => c.doc !== null || this.store.entry(c.coll, c.id)),
        txId,
      );
    } finally {
      this.close(tx);
    }
  }

  /** Drops the buffered writes and closes the transaction. */
  abort(txId: string): void {
    this.close(this.tx(txId));
  }

  private close(tx: Tx): void {
    for (const k of tx.writes.keys()) if (this.locks.get(k) === tx.id) this.locks.delete(k);
    this.open.delete(tx.id);
    if (this.open.size === 0) {
      this.history.clear();
      this.tombstones.clear();
    } else if (++this.closesSincePrune >= 256) {
      this.prune();
    }
  }

  /** Drops history no open transaction can read: states superseded before the oldest open snapshot. */
  private prune(): void {
    this.closesSincePrune = 0;
    let oldest = Infinity;
    for (const tx of this.open.values()) oldest = Math.min(oldest, tx.snapshot);
    for (const [k, states] of this.history) {
      let keepFrom = 0;
      for (let i = 0; i < states.length; i++) if (states[i]!.version <= oldest) keepFrom = i;
      if (keepFrom > 0) states.splice(0, keepFrom);
      const [coll, id] = k.split('\u0000') as [string, string];
      const current = this.store.entry(coll, id);
      const since = current ? current.version : (this.tombstones.get(k) ?? 0);
      // Every open transaction already sees the current state: the history of this document is not needed.
      if (since <= oldest) this.history.delete(k);
    }
  }

  private expire(): void {
    const cutoff = this.now() - TRANSACTION_TTL_MS;
    for (const tx of [...this.open.values()]) if (tx.lastUsed < cutoff) this.close(tx);
  }

  /** Refuses a plain write to a document a transaction has locked. */
  checkLock(coll: string, id: string, txId?: string): void {
    if (this.locks.size === 0) return;
    this.expire();
    const owner = this.locks.get(key(coll, id));
    if (owner && owner !== txId) throw cloudErrors.transactionConflict();
  }

  /** Keeps the overwritten state while an open transaction might still read it. */
  beforeChange(coll: string, id: string, current: Entry | undefined, deleting: boolean): void {
    if (this.open.size === 0) return;
    const k = key(coll, id);
    const state: State = current
      ? { version: current.version, doc: current.doc }
      : { version: this.tombstones.get(k) ?? 0, doc: null };
    const list = this.history.get(k);
    if (list) list.push(state);
    else this.history.set(k, [state]);
    // A delete makes the document absent from this version on; snapshot reads before it still see it.
    if (deleting) this.tombstones.set(k, this.store.version);
    else this.tombstones.delete(k);
  }
}
