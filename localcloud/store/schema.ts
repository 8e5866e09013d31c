/**
 * A database declaration (`database.json`, `--database`): collections, their indexes and security rules. A project
 * can apply the same file to a real CloudBase environment when it deploys and to the local cloud at start, so the
 * two cannot drift.
 */
import { readFileSync } from 'node:fs';

/**
 * One index: `keys` maps a (dotted) field path to 1 or -1 (ascending, descending) or `'2dsphere'` (a geo index
 * over GeoJSON values, which geo queries need), in order — CloudBase's index directions.
 */
export interface IndexSpec {
  name: string;
  unique?: boolean;
  keys: Record<string, 1 | -1 | '2dsphere'>;
}

/** One collection with its indexes and its client security rule. */
export interface CollectionSpec {
  name: string;
  indexes?: IndexSpec[];
  /** CloudBase custom security rule (stored as declared; the local cloud serves no client-side access). */
  rules?: { read: boolean | string; write: boolean | string };
  /** Why the collection exists, for the next reader. */
  description?: string;
}

/** The whole declaration. */
export interface DatabaseSpec {
  collections: CollectionSpec[];
}

/** Reads and checks a declaration file. */
export function loadDatabaseSpec(path: string): DatabaseSpec {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as DatabaseSpec;
  if (!parsed || !Array.isArray(parsed.collections))
    throw new Error(`${path}: "collections" must be an array`);
  const seen = new Set<string>();
  for (const c of parsed.collections) {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(c.name))
      throw new Error(`${path}: bad collection name ${c.name}`);
    if (seen.has(c.name)) throw new Error(`${path}: collection ${c.name} declared twice`);
    seen.add(c.name);
    for (const ix of c.indexes ?? []) {
      if (!ix.name || !ix.keys || Object.keys(ix.keys).length === 0) {
        throw new Error(`${path}: index of ${c.name} needs a name and keys`);
      }
      for (const [field, kind] of Object.entries(ix.keys)) {
        if (kind !== 1 && kind !== -1 && kind !== '2dsphere')
          throw new Error(`${path}: index ${ix.name} of ${c.name}: ${field} must be 1, -1 or "2dsphere"`);
      }
    }
  }
  return parsed;
}
