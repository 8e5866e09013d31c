/**
 * What the management API reports about collections beyond their documents: the indexes declared on each (the
 * store turns them into SQLite indexes; this keeps their names and keys as declared, for DescribeTable) and each
 * collection's client security rule (ModifySafeRule). Kept in one JSON file beside the data, or in memory.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IndexSpec } from '../store/schema';

/** A collection's security rule as CloudBase stores it. */
export interface SafeRule {
  aclTag: string;
  /** The rule text (JSON) when aclTag is CUSTOM. */
  rule?: string;
}

interface CatalogFile {
  indexes: Record<string, IndexSpec[]>;
  rules: Record<string, SafeRule>;
}

/** The catalogue. */
export class DatabaseCatalog {
  private readonly data: CatalogFile;

  constructor(private readonly path: string | undefined) {
    this.data =
      path && existsSync(path)
        ? (JSON.parse(readFileSync(path, 'utf8')) as CatalogFile)
        : { indexes: {}, rules: {} };
  }

  /** The indexes recorded for a collection. */
  indexes(collection: string): IndexSpec[] {
    return this.data.indexes[collection] ?? [];
  }

  /** Records an index (replacing one of the same name). */
  addIndex(collection: string, index: IndexSpec): void {
    const list = this.indexes(collection).filter((ix) => ix.name !== index.name);
    this.data.indexes[collection] = [...list, index];
    this.flush();
  }

  /** A collection's rule; CloudBase's default for a new collection is readable by its creator only. */
  rule(collection: string): SafeRule {
    return this.data.rules[collection] ?? { aclTag: 'PRIVATE' };
  }

  /** Sets a collection's rule. */
  setRule(collection: string, rule: SafeRule): void {
    this.data.rules[collection] = rule;
    this.flush();
  }

  private flush(): void {
    if (this.path) writeFileSync(this.path, JSON.stringify(this.data, null, 2));
  }
}
