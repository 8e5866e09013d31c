/**
 * Cold start per function: a fresh instance (a new worker that loads the bundle and initialises wx-server-sdk,
 * without source maps, as CloudBase runs it) to its first reply, beside a warm call of the same request and the
 * bundle's size; and where the time goes, in fresh Node processes: loading the bundle (which carries the SDK,
 * scripts/build.ts), beside loading the SDK as npm installs it (what CloudBase installed before we bundled it:
 * the ratio is what bundling saves). Budget: ≤ 300 ms here. The request is an unknown action, which the router
 * refuses before any database round trip: what is timed is the load and init, not the action.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames } from '../scripts/build';
import { seedTemplate, startFromTemplate } from '../seed/template';
import { percentile, printResults, r2 } from './support/stats';
import type { BenchResult } from './support/types';

const BUDGET_MS = 300;
const RUNS = 5;

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const cloud = await startFromTemplate(await seedTemplate('account'), { sourceMaps: false });
  const results: BenchResult[] = [];
  try {
    for (const fn of functionNames()) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Defining the function again retires its instances: the next call starts a fresh one.
        cloud.host.define(cloud.host.definition(fn)!);
        // Let the retired instance finish stopping first: on 2 cores its teardown would be timed as our start.
        await new Promise((resolve) => setTimeout(resolve, 300));
        let t = performance.now();
        const first = await cloud.call(fn, { action: 'benchColdStart' }, 'bench-cold-user');
        cold.push(performance.now() - t);
        if ('error' in first) throw new Error(`${fn}: ${first.error.errMsg}`);
        t = performance.now();
        await cloud.call(fn, { action: 'benchColdStart' }, 'bench-cold-user');
        warm.push(performance.now() - t);
      }
      const bundle = join(__dirname, '..', 'build', 'cloudfunctions', fn, 'index.js');
      const p50 = percentile(cold, 50);
      const split = Array.from({ length: 5 }, () => loadSplit(bundle));
      const bundleLoad = percentile(
        split.map((x) => x.bundle),
        50,
      );
      const sdkLoad = percentile(
        split.map((x) => x.sdk),
        50,
      );
      results.push({
        name: `cold start ${fn} (fresh instance → first reply)`,
        figures: {
          cold_p50_ms: r2(p50),
          cold_max_ms: r2(Math.max(...cold)),
          warm_p50_ms: r2(percentile(warm, 50)),
          bundle_load_ms: r2(bundleLoad),
          installed_sdk_load_ms: r2(sdkLoad),
          bundle_vs_installed_sdk: r2(bundleLoad / sdkLoad),
          bundle_kb: Number((statSync(bundle).size / 1024).toFixed(1)),
        },
        budget: `≤ ${BUDGET_MS} ms`,
        withinBudget: p50 <= BUDGET_MS,
      });
    }
  } finally {
    await cloud.close();
  }
  return results;
}

/** In fresh Node processes: ms to load the bundle (SDK inside), and ms to load the SDK as npm installs it. */
function loadSplit(bundle: string): { sdk: number; bundle: number } {
  const time = (what: string) =>
    `const t0 = performance.now(); require(${JSON.stringify(what)}); console.log(performance.now() - t0);`;
  const run = (script: string) =>
    Number(
      execFileSync(process.execPath, ['-e', script], { cwd: join(__dirname, '..'), encoding: 'utf8' }).trim(),
    );
  return { bundle: run(time(bundle)), sdk: run(time('wx-server-sdk')) };
}

if (require.main === module) {
  void run().then((results) => {
    printResults(results);
    process.exit(0);
  });
}
