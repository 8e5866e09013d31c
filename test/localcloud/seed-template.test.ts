/**
 * The seeded demo folders tests start from (seed/template.ts): callers at once share one seed, a lock
 * left by a process that died is taken over, a folder past its hour is seeded anew, and a cloud started from one
 * has the seed's data while the folder itself stays untouched. In a cache folder of this test's own.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedKey, seedTemplate, startFromTemplate } from '../../seed/template';

let cache: string;
beforeAll(() => {
  cache = mkdtempSync(path.join(tmpdir(), 'mulin-seed-cache-'));
  process.env.MULIN_SEED_CACHE = cache;
});
afterAll(() => {
  delete process.env.MULIN_SEED_CACHE;
  rmSync(cache, { recursive: true, force: true });
});

const folders = () => readdirSync(cache).filter((name) => /-account-\d+$/.test(name));

it('seeds once for callers at once, taking over a lock whose process died', async () => {
  // A lock as a killed test worker leaves it: its pid belongs to a process that has exited.
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const lock = path.join(cache, `${seedKey()}-account.lock`);
  mkdirSync(lock);
  writeFileSync(path.join(lock, 'pid'), String(dead));

  const [a, b] = await Promise.all([seedTemplate('account'), seedTemplate('account')]);
  expect(a.dir).toBe(b.dir);
  expect(folders()).toHaveLength(1);
  expect(existsSync(lock)).toBe(false);
  expect(a.account.userIds['demo-resident-wang']).toEqual(expect.any(String));
  expect(a.summary).toMatch(/^\d+ people, 2 organizations, \d+ places$/);
});

it('starts clouds on copies: each has the seed’s people, and writes stay in that cloud', async () => {
  const template = await seedTemplate('account');
  const before = statSync(path.join(template.dir, 'db.sqlite')).mtimeMs;
  const first = await startFromTemplate(template);
  const second = await startFromTemplate(template);
  try {
    const people = first.store.count('users', {});
    expect(people).toBeGreaterThan(10);
    first.store.insert('users', [{ _id: 'only-in-first', openid: 'only-in-first' }]);
    expect(first.store.count('users', {})).toBe(people + 1);
    expect(second.store.count('users', {})).toBe(people);
    const reply = await second.call('account', { action: 'login' }, 'demo-resident-wang');
    expect(reply).toMatchObject({
      result: { ok: true, data: { id: template.account.userIds['demo-resident-wang'] } },
    });
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
  expect(statSync(path.join(template.dir, 'db.sqlite')).mtimeMs).toBe(before);
});

it('seeds anew once the folder is more than an hour old', async () => {
  const [old] = folders();
  const stale = old!.replace(/\d+$/, String(Date.now() - 2 * 3600_000));
  renameSync(path.join(cache, old!), path.join(cache, stale));
  const fresh = await seedTemplate('account');
  expect(path.basename(path.dirname(fresh.dir))).not.toBe(stale);
  expect(folders()).toHaveLength(2);
});
