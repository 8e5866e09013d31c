/**
 * `npm run bench`: every bench/*.bench.ts in turn, one table, and bench/results.json for the README's figures.
 * Benchmarks print figures against the budgets in DESIGN.md; they never fail the build (tests assert behaviour).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printResults } from './support/stats';
import type { BenchResult } from './support/types';

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
    .sort();
  const all: Record<string, BenchResult[]> = {};
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(__dirname, file)) as { run: () => Promise<BenchResult[]> };
    console.log(`\n== ${file}`);
    const results = await mod.run();
    printResults(results);
    all[file] = results;
  }
  writeFileSync(
    join(__dirname, '..', 'build', 'bench-results.json'),
    JSON.stringify({ at: new Date().toISOString(), results: all }, null, 2),
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
