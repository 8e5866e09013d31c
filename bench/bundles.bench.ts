/**
 * Each cloud function's deployed bundle with the wx-server-sdk inside it (build/cloudfunctions/<name>/index.js, as
 * `npm run deploy` uploads it, its source map left behind) against DESIGN.md's budget: ≤ 1 MB without source
 * maps (cold starts grow with it).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames } from '../scripts/build';
import type { BenchResult } from './support/types';

const BUDGET_BYTES = 1024 * 1024;

/** One result per function bundle (npm run bench builds first). */
export async function run(): Promise<BenchResult[]> {
  const dir = join(__dirname, '..', 'build', 'cloudfunctions');
  return functionNames().map((name) => {
    const bundle = join(dir, name, 'index.js');
    const bytes = statSync(bundle).size;
    const map = `${bundle}.map`;
    return {
      name: `function ${name} bundle (as deployed)`,
      figures: {
        kb: Number((bytes / 1024).toFixed(1)),
        map_kb_not_uploaded: existsSync(map) ? Number((statSync(map).size / 1024).toFixed(1)) : 0,
      },
      budget: '≤ 1 MB',
      withinBudget: bytes <= BUDGET_BYTES,
    };
  });
}
