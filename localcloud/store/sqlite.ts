/**
 * The durable part of the store: one SQLite file (WAL) holding every document as relaxed EJSON, keyed by
 * (collection, _id) with an insertion sequence. Declared indexes become SQLite expression indexes, so unique
 * ones refuse duplicates inside the engine itself.
 */
import Database from 'better-sqlite3';
import type { IndexSpec } from './schema';

/** A row as stored. */
export interface StoredRow {
  coll: string;
  id: string;
  seq: number;
  doc: string;
}

/** One change to apply atomically: `doc` null deletes; `seq` set means insert. */
export interface RowChange {
  coll: string;
  id: string;
  doc: string | null;
  insertSeq?: number;
}

/**
 * A copy of a database file that SQLite can open in memory: the header of a WAL-mode file (bytes 18 and 19 set
 * to 2) makes an in-memory open fail, so the copy says "rollback journal" (1) instead. The file must have been
 * closed cleanly (no -wal file beside it), which is what closing the store does.
 */
function inMemoryImage(file: Buffer): Buffer {
  const image = Buffer.from(file);
  if (image.length >= 20) image[18] = image[19] = 1;
  return image;
}

/** Thin typed wrapper over better-sqlite3 with the statements the store needs, prepared once. */
export class SqliteFile {
  readonly db: Database.Database;
  private readonly stmts;

  /** `file`: a path, `:memory:`, or a database image (a copy of a db.sqlite file) to load into memory. */
  constructor(file: string | Buffer) {
    this.db = new Database(typeof file === 'string' ? file : inMemoryImage(file));
    if (typeof file === 'string' && file !== ':memory:') {
      // WAL with synchronous=NORMAL: a committed write is in the WAL before the call returns, so it survives
      // the process being killed (only a power cut could lose the last commits).
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (
        coll TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (coll, id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS docs_by_seq ON docs (coll, seq);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    this.stmts = {
      listCollections: this.db.prepare<[], { name: string }>(
        'SELECT name FROM collections ORDER BY created_at, name',
      ),
      addCollection: this.db.prepare<[string, number]>(
        'INSERT INTO collections (name, created_at) VALUES (?, ?)',
      ),
      allDocs: this.db.prepare<[], StoredRow>('SELECT coll, id, seq, doc FROM docs ORDER BY coll, seq'),
      maxSeq: this.db.prepare<[], { s: number | null }>('SELECT max(seq) AS s FROM docs'),
      insert: this.db.prepare<[string, string, number, string]>(
        'INSERT INTO docs (coll, id, seq, doc) VALUES (?, ?, ?, ?)',
      ),
      update: this.db.prepare<[string, string, string]>('UPDATE docs SET doc = ? WHERE coll = ? AND id = ?'),
      remove: this.db.prepare<[string, string]>('DELETE FROM docs WHERE coll = ? AND id = ?'),
    };
  }

  /** Names of collections created so far. */
  listCollections(): string[] {
    return this.stmts.listCollections.all().map((r) => r.name);
  }

  /** Records a new collection. */
  addCollection(name: string, at: number): void {
    this.stmts.addCollection.run(name, at);
  }

  /** Every stored row, by collection then insertion order (used once at start). */
  allRows(): StoredRow[] {
    return this.stmts.allDocs.all();
  }

  /** Highest insertion sequence used so far. */
  maxSeq(): number {
    return this.stmts.maxSeq.get()?.s ?? 0;
  }

  /** Applies changes in one SQLite transaction: all or nothing. */
  apply(changes: RowChange[]): void {
    const run = this.db.transaction((list: RowChange[]) => {
      for (const c of list) {
        if (c.doc === null) this.stmts.remove.run(c.coll, c.id);
        else if (c.insertSeq !== undefined) this.stmts.insert.run(c.coll, c.id, c.insertSeq, c.doc);
        else this.stmts.update.run(c.doc, c.coll, c.id);
      }
    });
    run(changes);
  }

  /** Creates the SQLite expression index for a declared index (idempotent). */
  createIndex(coll: string, spec: IndexSpec): void {
    const name = sqliteIndexName(coll, spec.name);
    // Geo (2dsphere) keys are served by the query layer; SQLite indexes the ordinary keys beside them.
    const fields = Object.keys(spec.keys).filter((field) => spec.keys[field] !== '2dsphere');
    if (fields.length === 0) return;
    // A missing field and null are the same key for a unique index (as in CloudBase/MongoDB): coalesce both to
    // one sentinel, so only one document may lack the field.
    const exprs = fields.map((field) => `coalesce(json_extract(doc, '${jsonPath(field)}'), char(0))`);
    const unique = spec.unique ? 'UNIQUE ' : '';
    this.db.exec(
      `CREATE ${unique}INDEX IF NOT EXISTS "${name}" ON docs (${exprs.join(', ')}) WHERE coll = '${coll}'`,
    );
  }

  /** Closes the file (checkpointing the WAL). */
  close(): void {
    this.db.close();
  }
}

/** The SQLite name of a declared index. */
export function sqliteIndexName(coll: string, index: string): string {
  return `ix_${coll}__${index.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function jsonPath(field: string): string {
  if (!/^[A-Za-z0-9_$.-]+$/.test(field)) throw new Error(`unsupported index field path: ${field}`);
  return (
    '$' +
    field
      .split('.')
      .map((part) => `."${part}"`)
      .join('')
  );
}
