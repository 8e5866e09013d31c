/**
 * The fixed interface of `npm start` / `npm run serve` (the `localcloud` command with the project's
 * localcloud.json): LOCALCLOUD_PORT and LOCALCLOUD_DATA, the ready line, a clean SIGTERM, data kept across
 * restarts, `--reset`, durability of acknowledged writes under SIGKILL, and a first start that never says ready
 * with half the demo (a seed killed or failed midway is detected).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import {
  freePort,
  printedReady,
  spawnCloudProcess,
  startCloudProcess as start,
  type CloudProcess,
} from '../support/process';

// Generous: the seed tests run the whole demo seed in a child process, slow on a busy machine.
jest.setTimeout(600_000);

let dataDir: string;
const started: CloudProcess[] = [];
async function startCloudProcess(env: Record<string, string>, args: string[]): Promise<CloudProcess> {
  const p = await start(env, args);
  started.push(p);
  return p;
}
function spawnCloud(env: Record<string, string>, args: string[]): CloudProcess {
  const p = spawnCloudProcess(env, args);
  started.push(p);
  return p;
}
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mulin-lc-'));
});
afterEach(async () => {
  for (const p of started.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function wire(port: number, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}/admin?env=mulin-local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ envName: 'mulin-local', ...body }),
  });
  return (await res.json()) as Record<string, unknown>;
}

const insert = (port: number, i: number) =>
  wire(port, {
    action: 'database.insertDocument',
    collectionName: 'durability',
    data: [JSON.stringify({ i })],
  });

async function countAll(port: number): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let offset = 0; ; offset += 1000) {
    const r = await wire(port, {
      action: 'database.getDocument',
      collectionName: 'durability',
      queryType: 'WHERE',
      offset,
      limit: 1000,
    });
    const list = (r.data as { list: string[] }).list;
    for (const item of list) seen.add((EJSON.parse(item) as { i: number }).i);
    if (list.length < 1000) return seen;
  }
}

it('starts on LOCALCLOUD_PORT, stops cleanly on SIGTERM, keeps data across restarts, and --reset wipes it', async () => {
  const port = await freePort();
  const env = { LOCALCLOUD_PORT: String(port), LOCALCLOUD_DATA: dataDir };
  const first = await startCloudProcess(env, ['--no-seed']);
  expect(first.output()).toContain(`http://127.0.0.1:${port}/admin`);
  expect(
    await wire(port, { action: 'database.addCollection', collectionName: 'durability' }),
  ).not.toHaveProperty('code');
  await insert(port, 1);
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);

  const second = await startCloudProcess(env, ['--no-seed']);
  expect((await countAll(port)).has(1)).toBe(true);
  second.child.kill('SIGTERM');
  await second.exited;

  const third = await startCloudProcess(env, ['--reset', '--no-seed']);
  expect(
    await wire(port, { action: 'database.getDocument', collectionName: 'durability', queryType: 'WHERE' }),
  ).toMatchObject({
    code: 'DATABASE_COLLECTION_NOT_EXIST',
  });
  third.child.kill('SIGTERM');
  await third.exited;
});

it('keeps every acknowledged write when killed with SIGKILL mid-stream', async () => {
  const port = await freePort();
  const env = { LOCALCLOUD_PORT: String(port), LOCALCLOUD_DATA: dataDir };
  const cloud = await startCloudProcess(env, ['--no-seed']);
  await wire(port, { action: 'database.addCollection', collectionName: 'durability' });
  const acknowledged = new Set<number>();
  let next = 0;
  let killed = false;
  const writer = async () => {
    while (!killed) {
      const i = next++;
      try {
        const reply = await insert(port, i);
        if (!reply.code) acknowledged.add(i);
      } catch {
        return; // the connection died with the process: this write was never acknowledged
      }
    }
  };
  let stopped = false;
  const writers = Promise.all(Array.from({ length: 4 }, writer)).finally(() => (stopped = true));
  // Killed mid-stream once enough writes were acknowledged, however long that takes on a busy machine.
  while (acknowledged.size <= 50 && !stopped) await new Promise((r) => setTimeout(r, 10));
  cloud.child.kill('SIGKILL');
  killed = true;
  await writers;
  await cloud.exited;
  expect(acknowledged.size).toBeGreaterThan(50);

  const again = await startCloudProcess(env, ['--no-seed']);
  const stored = await countAll(port);
  const lost = [...acknowledged].filter((i) => !stored.has(i));
  expect(lost).toEqual([]);
  again.child.kill('SIGTERM');
  await again.exited;
});

/** Documents per collection in a data folder's database (read beside a running or stopped cloud). */
function countsIn(dir: string): Record<string, number> {
  const file = join(dir, 'db.sqlite');
  if (!existsSync(file)) return {};
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT coll, count(*) AS n FROM docs GROUP BY coll').all() as {
      coll: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.coll, r.n]));
  } finally {
    db.close();
  }
}

const seedRecord = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8')) as { state: string; summary?: string };

/** What a finished demo has: the summary's people and organizations, and every capability's data. */
function expectWholeDemo(dir: string, output: string): void {
  const counts = countsIn(dir);
  const [, people, orgs] = /seeded the demo community: (\d+) people, (\d+) organizations/.exec(output) ?? [];
  expect(counts.users).toBe(Number(people));
  expect(counts.organizations).toBe(Number(orgs));
  const capabilities = ['charity_needs', 'proposals', 'service_items', 'volunteer_activities'];
  expect(capabilities.filter((coll) => !counts[coll])).toEqual([]);
  expect(seedRecord(dir)).toMatchObject({ state: 'complete', summary: expect.stringContaining('people') });
}

it('a start killed mid-seed is detected: --no-seed refuses the half demo, a plain start seeds it again', async () => {
  const port = await freePort();
  const env = { LOCALCLOUD_PORT: String(port), LOCALCLOUD_DATA: dataDir };
  const first = spawnCloud(env, []);
  // Kill it once the seed has written part of the demo (some people, before the rest of the community).
  const usersSoFar = () => {
    try {
      return countsIn(dataDir).users ?? 0;
    } catch {
      return 0; // the file is being created (no tables yet)
    }
  };
  while (usersSoFar() < 3) {
    if (first.child.exitCode !== null) throw new Error(`exited before it was killed:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  first.child.kill('SIGKILL');
  await first.exited;
  expect(printedReady(first)).toBe(false);
  expect(seedRecord(dataDir).state).toBe('seeding');
  const partial = countsIn(dataDir);

  const noSeed = spawnCloud(env, ['--no-seed']);
  expect(await noSeed.exited).toBe(1);
  expect(printedReady(noSeed)).toBe(false);
  expect(noSeed.output()).toMatch(/did not finish.*--reset/s);
  expect(countsIn(dataDir)).toEqual(partial);

  const again = await startCloudProcess(env, []);
  expect(again.output()).toContain('did not finish last time: seeding it again from an empty folder');
  expectWholeDemo(dataDir, again.output());
  expect(countsIn(dataDir).users).toBeGreaterThan(partial.users!);
  again.child.kill('SIGTERM');
  expect(await again.exited).toBe(0);
});

it('a seed that fails stops the start without the ready line; data without a seed record is refused', async () => {
  const port = await freePort();
  // Another first admin: the demo's district admin cannot appoint the street admins, so the seed fails midway.
  const env = {
    LOCALCLOUD_PORT: String(port),
    LOCALCLOUD_DATA: dataDir,
    MULIN_BOOTSTRAP_ADMINS: 'nobody@jn',
  };
  const failed = spawnCloud(env, []);
  expect(await failed.exited).toBe(1);
  expect(printedReady(failed)).toBe(false);
  expect(failed.output()).toMatch(/the seed failed: account\.\w+ as demo-admin-jiangning: FORBIDDEN/);
  expect(failed.output()).toContain('the next start seeds it again from an empty folder');
  expect(seedRecord(dataDir).state).toBe('seeding');
  expect(countsIn(dataDir).users).toBeGreaterThan(0);

  // A folder with data and no record at all (made by an older version, or its record lost): never served as a
  // demo; the message names --reset.
  rmSync(join(dataDir, 'seed.json'));
  const unknown = spawnCloud({ LOCALCLOUD_PORT: String(port), LOCALCLOUD_DATA: dataDir }, []);
  expect(await unknown.exited).toBe(1);
  expect(printedReady(unknown)).toBe(false);
  expect(unknown.output()).toMatch(/no record that the seed finished.*--reset/s);

  // Asked for as it is, it starts.
  const asIs = await startCloudProcess({ LOCALCLOUD_PORT: String(port), LOCALCLOUD_DATA: dataDir }, [
    '--no-seed',
  ]);
  asIs.child.kill('SIGTERM');
  expect(await asIs.exited).toBe(0);
});
