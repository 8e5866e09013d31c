/**
 * The `localcloud` command on its own, as any CloudBase project would run it: started in an empty folder with no
 * project code (no functions, no database.json, no config, no seed), it answers the real wx-server-sdk; given the
 * fixture functions and database.json by flags, it serves them. The project's own use (localcloud.json, the demo
 * seed) is process.test.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, spawnCloudProcess, startCloudProcess, type CloudProcess } from '../support/process';
import { connectSdk } from '../support/localcloud';

let folder: string;
let running: CloudProcess | undefined;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'localcloud-cli-'));
});
afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM');
    await running.exited;
  }
  running = undefined;
  rmSync(folder, { recursive: true, force: true });
});

/** Runs `localcloud <args>` in the empty folder, without the project's config or environment. */
async function start(args: string[]): Promise<{ port: number; p: CloudProcess }> {
  const port = await freePort();
  const p = await startCloudProcess({}, ['--data', 'data', '--port', String(port), ...args], {
    project: false,
    cwd: folder,
  });
  running = p;
  return { port, p };
}

it('starts in an empty folder with no project code and answers the real SDK', async () => {
  const { port, p } = await start([]);
  expect(p.output()).toContain(`wire endpoint http://127.0.0.1:${port}/admin (env local)`);
  expect(p.output()).toContain('functions: (none yet)');

  const db = connectSdk({ envName: 'local', wireUrl: `http://127.0.0.1:${port}/admin` }).database();
  await expect(db.collection('notes').get()).rejects.toThrow(/collection not exist|-502005/i);
  await db.createCollection('notes');
  const { _id } = await db.collection('notes').add({ data: { text: '你好', n: 1 } });
  await db
    .collection('notes')
    .doc(_id)
    .update({ data: { n: db.command.inc(2) } });
  expect((await db.collection('notes').doc(_id).get()).data).toMatchObject({ _id, text: '你好', n: 3 });

  // Everything lives in the data folder it was given; a fresh folder without a seed is recorded as such.
  expect(existsSync(join(folder, 'data', 'db.sqlite'))).toBe(true);
  expect(JSON.parse(readFileSync(join(folder, 'data', 'seed.json'), 'utf8'))).toMatchObject({
    state: 'none',
  });
  expect(readdirSync(folder)).toEqual(['data']);
  p.child.kill('SIGTERM');
  expect(await p.exited).toBe(0);
});

it('serves the functions and database.json it is given, as the environment and appid it is told', async () => {
  const fixtures = resolve(__dirname, '..', 'fixtures');
  const { port, p } = await start([
    '--functions',
    join(fixtures, 'functions'),
    '--database',
    join(fixtures, 'database.json'),
    '--env',
    'fixture-env',
    '--appid',
    'wxfixture00000001',
  ]);
  expect(p.output()).toMatch(/functions: caller, echo, platform, slow, thrower/);

  // Through the gateway, as a mini program user: `caller` writes to a collection database.json declares and
  // calls `echo`, which sees the caller's identity, the environment and the appid.
  const res = await fetch(`http://127.0.0.1:${port}/gateway/call`, {
    method: 'POST',
    body: JSON.stringify({ name: 'caller', user: 'user-1', data: {} }),
  });
  const reply = (await res.json()) as { result: { inner: { wx: Record<string, string> } } };
  expect(reply.result.inner.wx).toMatchObject({
    OPENID: 'user-1',
    APPID: 'wxfixture00000001',
    ENV: 'fixture-env',
  });

  // The same data through the real SDK in this process; the unique index from database.json holds.
  const db = connectSdk({ envName: 'fixture-env', wireUrl: `http://127.0.0.1:${port}/admin` }).database();
  expect((await db.collection('fixture_calls').where({ by: 'user-1' }).count()).total).toBe(1);
  await db.collection('accounts').add({ data: { openid: 'o-1' } });
  await expect(db.collection('accounts').add({ data: { openid: 'o-1' } })).rejects.toThrow(/duplicate key/);
  p.child.kill('SIGTERM');
  expect(await p.exited).toBe(0);
});

it('prints its usage, and refuses an unknown flag without starting', async () => {
  const help = spawnCloudProcess({}, ['--help'], { project: false, cwd: folder });
  expect(await help.exited).toBe(0);
  expect(help.output()).toMatch(/usage: localcloud \[--functions <dir>\] \[--database <database\.json>\]/);
  const bad = spawnCloudProcess({}, ['--no-such-flag'], { project: false, cwd: folder });
  expect(await bad.exited).toBe(1);
  expect(bad.output()).toContain("Unknown option '--no-such-flag'");
  expect(readdirSync(folder)).toEqual([]);
});
