/**
 * Local cloud figures through the real wx-server-sdk: warm get-by-id and a where-query over 1000 documents
 * (p50/p95), the function host's invocation overhead, and writes per second. Budget: get-by-id p95 ≤ 15 ms.
 */
import { startLocalCloud } from '../localcloud/cloud';
import { percentile, printResults, r2, timeRuns } from './support/stats';
import type { BenchResult } from './support/types';

/** Runs the local cloud benchmarks. */
export async function run(): Promise<BenchResult[]> {
  const lc = await startLocalCloud({
    port: 0,
    databaseSpec: 'test/fixtures/database.json',
    functionsDir: 'test/fixtures/functions',
  });
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: lc.envName,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: lc.wireUrl }),
    SILENCE: 'true',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const db = cloud.database();
  const _ = db.command;
  const results: BenchResult[] = [];
  try {
    const docs = Array.from({ length: 1000 }, (_x, i) => ({
      i,
      city: i % 10 === 0 ? 'nj' : 'other',
      age: 60 + (i % 40),
      name: `居民${i}`,
    }));
    const ids: string[] = [];
    for (let k = 0; k < docs.length; k += 250)
      ids.push(...(await db.collection('people').add({ data: docs.slice(k, k + 250) }))._ids);

    const byId = await timeRuns(500, 50, (i) =>
      db
        .collection('people')
        .doc(ids[i % ids.length])
        .get(),
    );
    results.push({
      name: 'get by id (SDK → local cloud, warm)',
      figures: { p50_ms: r2(percentile(byId, 50)), p95_ms: r2(percentile(byId, 95)) },
      budget: 'p95 ≤ 15 ms',
      withinBudget: percentile(byId, 95) <= 15,
    });

    const where = await timeRuns(200, 20, () =>
      db
        .collection('people')
        .where({ city: 'nj', age: _.gte(80) })
        .get(),
    );
    results.push({
      name: 'where-query over 1000 documents',
      figures: { p50_ms: r2(percentile(where, 50)), p95_ms: r2(percentile(where, 95)) },
    });

    const invoke = await timeRuns(200, 20, async () => {
      const reply = await lc.call('echo', { x: 1 }, 'bench-user');
      if ('error' in reply) throw new Error(reply.error.errMsg);
    });
    results.push({
      name: 'function host overhead (warm instance)',
      figures: { p50_ms: r2(percentile(invoke, 50)), p95_ms: r2(percentile(invoke, 95)) },
    });

    const viaHttp = await timeRuns(200, 20, async () => {
      const res = await fetch(`${lc.baseUrl}/gateway/call`, {
        method: 'POST',
        body: JSON.stringify({ name: 'caller', user: 'bench-user', data: { target: 'echo' } }),
      });
      const reply = (await res.json()) as { error?: { errMsg: string } };
      if (reply.error) throw new Error(reply.error.errMsg);
    });
    results.push({
      name: 'gateway call: insert + nested function call',
      figures: { p50_ms: r2(percentile(viaHttp, 50)), p95_ms: r2(percentile(viaHttp, 95)) },
    });

    const n = 2000;
    let t = performance.now();
    for (let i = 0; i < n; i++) await db.collection('counters').add({ data: { i } });
    const sequential = n / ((performance.now() - t) / 1000);
    t = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < n) {
          next += 1;
          await db.collection('counters').add({ data: { i: next } });
        }
      }),
    );
    const concurrent = n / ((performance.now() - t) / 1000);
    results.push({
      name: 'writes per second (SDK inserts)',
      figures: { sequential: Math.round(sequential), concurrent_32: Math.round(concurrent) },
    });
  } finally {
    await lc.close();
  }
  return results;
}

if (require.main === module) {
  void run().then(printResults);
}
