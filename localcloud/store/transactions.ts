/**
 * Transactions as CloudBase runs them: snapshot reads, single-document operations only, a write lock per
 * document taken at the first write, and a conflict error (DATABASE_TRANSACTION_CONFLICT) when two writers meet.
 * - A write inside a transaction to a document that another open transaction has written, or that changed after
 *   this transaction's snapshot, fails at that write with the conflict error, and the transaction is aborted
 *   (as MongoDB aborts a transaction on a write conflict), so its locks never block the retry.
 * - A plain write to a document locked by a transaction waits until that transaction ends (commit, abort or
 *   expiry), then runs against the new state; after `lockWaitMs` it gives up with the conflict error.
 * - Commit applies all buffered writes in one SQLite transaction; an idle transaction expires after 30 s.
 * Snapshot reads use a short history of overwritten versions, kept only while some transaction may need it.
 */
import { assertStorable, clone, type Doc } from './ejson';
import { idKey, isDocId, newDocId } from './ids';
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
}

/** How long an unused transaction lives (CloudBase: commit or abort within 30 seconds). */
export const TRANSACTION_TTL_MS = 30_000;
/** How long a plain write waits for a transaction's lock before failing with a conflict (real time). */
export const LOCK_WAIT_MS = 5_000;
/** How often a waiting write looks again (a transaction can also end by expiring on the cloud's clock). */
const LOCK_POLL_MS = 50;

/** Thrown by the store when a plain write meets a locked document; the caller waits and tries again. */
export class DocumentLockedError extends Error {
  constructor(readonly lockKey: string) {
    super('document locked by an open transaction');
  }
}

const key = (coll: string, docKey: string) => `${coll}\u0000${docKey}`;

/** Owns every open transaction of one store. */
export class TransactionManager implements WriteObserver {
  private readonly open = new Map<string, Tx>();
  private readonly locks = new Map<string, string>();
  private readonly history = new Map<string, State[]>();
  /** When each currently-absent document was deleted (so snapshot reads know it existed before). */
  private readonly tombstones = new Map<string, number>();
  /** Plain writes waiting for a lock to be released, by lock key. */
  private readonly waiters = new Map<string, Set<() => void>>();
  private closesSincePrune = 0;
  /** How long a plain write waits for a lock (tests shorten it). */
  lockWaitMs: number;

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number,
    options: { lockWaitMs?: number } = {},
  ) {
    store.observer = this;
    this.lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
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
    });
    return id;
  }

  /** Number of plain writes waiting for a lock (for tests and diagnostics). */
  waitingCount(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  /** Number of open transactions (for tests and diagnostics). */
  openCount(): number {
    return this.open.size;
  }

  private tx(id: string): Tx {
    this.expire();
    const tx = this.open.get(id);
    if (!tx) throw cloudErrors.transactionNotExist();
    tx.lastUsed = this.now();
    return tx;
  }

  /** Reads one document as of the snapshot, seeing this transaction's own writes. */
  get(txId: string, coll: string, id: unknown): Doc | undefined {
    const tx = this.tx(txId);
    const docKey = idKey(id);
    const own = tx.writes.get(key(coll, docKey));
    if (own) return own.doc ?? undefined;
    return this.snapshotDoc(tx, coll, docKey) ?? undefined;
  }

  private snapshotDoc(tx: Tx, coll: string, docKey: string): Doc | null {
    const current = this.store.entry(coll, docKey);
    const k = key(coll, docKey);
    const currentVersion = current ? current.version : (this.tombstones.get(k) ?? 0);
    if (currentVersion <= tx.snapshot) return current ? current.doc : null;
    const states = this.history.get(k) ?? [];
    for (let i = states.length - 1; i >= 0; i--) if (states[i]!.version <= tx.snapshot) return states[i]!.doc;
    return null;
  }

  /**
   * Buffers a write to one document. `compute` gets the document as this transaction sees it and returns the new
   * document, null to delete, or undefined for no change. Returns whether it changed something. A write that meets
   * another transaction's lock, or a document changed since the snapshot, aborts this transaction and throws the
   * conflict error.
   */
  write(
    txId: string,
    coll: string,
    id: unknown,
    compute: (base: Doc | undefined) => Doc | null | undefined,
  ): boolean {
    const tx = this.tx(txId);
    const docKey = idKey(id);
    const k = key(coll, docKey);
    const own = tx.writes.get(k);
    const base = own ? (own.doc ?? undefined) : (this.snapshotDoc(tx, coll, docKey) ?? undefined);
    const next = compute(base === undefined ? undefined : clone(base));
    if (next === undefined) return false;
    const owner = this.locks.get(k);
    const current = this.store.entry(coll, docKey);
    const currentVersion = current ? current.version : (this.tombstones.get(k) ?? 0);
    if ((owner && owner !== txId) || (!own && currentVersion > tx.snapshot)) {
      this.close(tx);
      throw cloudErrors.transactionConflict();
    }
    this.locks.set(k, txId);
    tx.writes.set(k, { coll, id: docKey, doc: next });
    return true;
  }

  /** Buffers an insert; returns the new document's `_id`. */
  insert(txId: string, coll: string, doc: AnyObject): unknown {
    const tx = this.tx(txId);
    if (!this.store.hasCollection(coll)) throw cloudErrors.collectionNotExist();
    const id = doc._id === undefined || doc._id === '' ? newDocId(this.now()) : doc._id;
    if (!isDocId(id)) throw cloudErrors.invalidParam(`invalid _id: ${String(id)}`);
    const created = { ...clone(doc), _id: id } as Doc;
    assertStorable(created);
    this.write(txId, coll, id, (base) => {
      if (base) throw cloudErrors.duplicateKey(coll, '_id_', `{ _id: ${JSON.stringify(id)} }`);
      return created;
    });
    tx.inserts.add(key(coll, idKey(id)));
    return id;
  }

  /** Applies every buffered write atomically and closes the transaction. */
  commit(txId: string): void {
    const tx = this.tx(txId);
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
    for (const k of tx.writes.keys()) {
      if (this.locks.get(k) !== tx.id) continue;
      this.locks.delete(k);
      for (const wake of this.waiters.get(k) ?? []) wake();
    }
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
      // Collection names never contain NUL; document keys may (see ids.ts), so split at the first one only.
      const cut = k.indexOf('\u0000');
      const current = this.store.entry(k.slice(0, cut), k.slice(cut + 1));
      const since = current ? current.version : (this.tombstones.get(k) ?? 0);
      // Every open transaction already sees the current state: the history of this document is not needed.
      if (since <= oldest) this.history.delete(k);
    }
  }

  private expire(): void {
    const cutoff = this.now() - TRANSACTION_TTL_MS;
    for (const tx of [...this.open.values()]) if (tx.lastUsed < cutoff) this.close(tx);
  }

  /** Stops a plain write to a document a transaction has locked ({@link whenUnlocked} waits and retries it). */
  checkLock(coll: string, docKey: string, txId?: string): void {
    if (this.locks.size === 0) return;
    this.expire();
    const k = key(coll, docKey);
    const owner = this.locks.get(k);
    if (owner && owner !== txId) throw new DocumentLockedError(k);
  }

  /**
   * Runs a plain write; when it meets a transaction's lock, waits for that transaction to end and runs it again
   * (against the state the transaction left). Gives up with the conflict error after `lockWaitMs`.
   */
  async whenUnlocked<T>(write: () => T): Promise<T> {
    const deadline = Date.now() + this.lockWaitMs;
    for (;;) {
      try {
        return write();
      } catch (err) {
        if (!(err instanceof DocumentLockedError)) throw err;
        const left = deadline - Date.now();
        if (left <= 0) throw cloudErrors.transactionConflict();
        await this.released(err.lockKey, Math.min(left, LOCK_POLL_MS));
      }
    }
  }

  private released(lockKey: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(lockKey) ?? new Set<() => void>();
      this.waiters.set(lockKey, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(lockKey);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
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
