/**
 * What a data folder's seed came to, recorded in `seed.json` beside db.sqlite: `seeding` is written before the
 * seed's first write and `complete` after its last, so a start can tell finished seed data from data a killed or
 * failed first start left half done (`none`: the folder was started without seeding, on purpose).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The record's file name inside a data folder. */
export const SEED_MARKER = 'seed.json';

/** The record itself. */
export interface SeedRecord {
  state: 'seeding' | 'complete' | 'none';
  /** ISO time it was written. */
  at: string;
  /** The seed's summary (when complete). */
  summary?: string;
}

/**
 * A data folder as a start finds it: `fresh` (no database yet), `seeded` (the seed finished), `empty` (started
 * without a seed), `interrupted` (a seed began and never finished), `unknown` (a database without any record:
 * made before records were kept, or by something else).
 */
export type SeedStatus = 'fresh' | 'seeded' | 'empty' | 'interrupted' | 'unknown';

/** Reads the folder's record, if any. */
export function readSeedRecord(dataDir: string): SeedRecord | undefined {
  const file = join(dataDir, SEED_MARKER);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SeedRecord;
  } catch {
    // Not ours to interpret (records are renamed into place whole): the folder counts as unknown.
    return undefined;
  }
}

/** What the folder holds, from its record and whether it has a database. */
export function seedStatus(dataDir: string): SeedStatus {
  const record = readSeedRecord(dataDir);
  if (record?.state === 'seeding') return 'interrupted';
  if (record?.state === 'complete') return 'seeded';
  if (record?.state === 'none') return 'empty';
  return existsSync(join(dataDir, 'db.sqlite')) ? 'unknown' : 'fresh';
}

/** Writes the record whole (beside it, then renamed into place), so a reader never sees half of it. */
export function writeSeedRecord(dataDir: string, state: SeedRecord['state'], summary?: string): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SEED_MARKER);
  const record: SeedRecord = { state, at: new Date().toISOString(), ...(summary ? { summary } : {}) };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
