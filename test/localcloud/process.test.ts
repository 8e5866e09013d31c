/**
 * The fixed interface of `npm start` (build/localcloud/main.js): LOCALCLOUD_PORT and LOCALCLOUD_DATA, the ready
 * line, a clean SIGTERM, data kept across restarts, `--reset`, and durability of acknowledged writes under SIGKILL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { freePort, startCloudProcess as start, type CloudProcess } from '../support/process';

jest.setTimeout(120_000);

let dataDir: string;
const started: CloudProcess[] = [];
async function startCloudProcess(env: Record<string, string>, args: string[]): Promise<CloudProcess> {
  const p = await start(env, args);
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
  const writers = Array.from({ length: 4 }, writer);
  await new Promise((r) => setTimeout(r, 700));
  cloud.child.kill('SIGKILL');
  killed = true;
  await Promise.all(writers);
  await cloud.exited;
  expect(acknowledged.size).toBeGreaterThan(50);

  const again = await startCloudProcess(env, ['--no-seed']);
  const stored = await countAll(port);
  const lost = [...acknowledged].filter((i) => !stored.has(i));
  expect(lost).toEqual([]);
  again.child.kill('SIGTERM');
  await again.exited;
});
