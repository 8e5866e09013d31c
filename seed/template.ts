/**
 * The seeded demo community as a data folder, made once and reused by tests and page pictures: a seed drives the
 * real functions (the full demo takes about half a minute on a quiet machine), while a cloud started from the
 * folder (`startLocalCloud({ from })`, loaded into memory) is ready in milliseconds. Two parts: `account` (places,
 * people, organizations, family links — what `startDemoCloud()` gives) and `full` (every capability, as `npm
 * start` seeds it).
 *
 * Folders live in `.tmp/seed-cache/<key>-<part>-<made at>/` with the function secrets and ids their data was made
 * with. The key hashes everything that shapes the data (local cloud and seed sources, function sources and
 * bundles, database.json) and the Beijing date; a folder is reused for an hour at most, because seeds place
 * activities, orders and votes relative to the hour they ran. Test files in parallel jest workers share one seed:
 * the first takes a lock and seeds, the others wait for its folder. Delete `.tmp/seed-cache` to force a fresh seed.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { LocalCloud, LocalCloudOptions } from '../localcloud/cloud';
import { seedAccount, type AccountSeed } from './account';
import { SEED_FUNCTION_TIMEOUT_S, seedDemo } from './demo';
import { demoFunctionEnv } from './functionEnv';
import { ROOT, startProjectCloud } from './projectCloud';
import { dateKey } from '../miniprogram/shared/calendar';

/** Where the folders live: `.tmp/seed-cache`, or MULIN_SEED_CACHE (tests of this module use a folder of their own). */
const cacheDir = () => process.env.MULIN_SEED_CACHE ?? path.join(ROOT, '.tmp', 'seed-cache');
/** What the key is made of (folders are walked, files read whole; the local cloud's dist/ included). */
const KEY_SOURCES = [
  'localcloud',
  'localcloud.json',
  'seed',
  'cloudfunctions',
  path.join('miniprogram', 'shared'),
  path.join('build', 'cloudfunctions'),
];
/** A folder older than this is not reused (seeds place things relative to the hour they ran). */
const MAX_AGE_MS = 60 * 60 * 1000;
/** Unused folders are removed once this old (a run on older sources may still be loading one). */
const STALE_MS = 6 * 60 * 60 * 1000;
/** How often a test file waiting for another worker's seed looks again. */
const POLL_MS = 250;

/** Which demo data: the account part alone, or every capability's. */
export type SeedPart = 'account' | 'full';

/** A seeded data folder and what a cloud started from it needs. */
export interface SeedTemplate {
  /** The data folder (db.sqlite, storage/, outbox.jsonl): start clouds from it, never write to it. */
  dir: string;
  part: SeedPart;
  /** The seed's summary. */
  summary: string;
  /** The functions' environment the data was made with (secrets included). */
  env: Record<string, string>;
  /** The clock offset the seed left (seeds move the clock and normally put it back). */
  offset: number;
  /** Ids of the account part (people, organizations, the proxy elder). */
  account: AccountSeed;
  /** When the seed finished (ms since the epoch). */
  madeAt: number;
}

type Meta = Omit<SeedTemplate, 'dir'>;

function files(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  if (statSync(dir).isFile()) return [...out, dir];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.includes('.tmp-')) files(full, out);
    } else out.push(full);
  }
  return out;
}

/** The cache key for the current sources and Beijing date. */
export function seedKey(): string {
  const hash = createHash('sha256');
  for (const file of KEY_SOURCES.flatMap((dir) => files(path.join(ROOT, dir)))) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  hash.update(dateKey(Date.now()));
  return hash.digest('hex').slice(0, 16);
}

/** Seeds `part` into a new folder named `<prefix><made at>` (made beside it and renamed into place). */
async function seedInto(prefix: string, part: SeedPart): Promise<void> {
  const cache = cacheDir();
  const work = path.join(cache, `${prefix}.tmp-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const env = demoFunctionEnv({});
  const cloud = await startProjectCloud({
    dataDir: path.join(work, 'data'),
    functionEnv: env,
    minFunctionTimeoutSeconds: SEED_FUNCTION_TIMEOUT_S,
  });
  let meta: Meta;
  try {
    const seeded =
      part === 'full'
        ? await seedDemo(cloud)
        : { account: await seedAccount(cloud), summary: peopleSummary(cloud) };
    meta = { part, ...seeded, env, offset: cloud.clock.offset(), madeAt: Date.now() };
  } catch (err) {
    await cloud.close();
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
  // Closing checkpoints the WAL into db.sqlite, so the folder is one file a cloud can load into memory.
  await cloud.close();
  writeFileSync(path.join(work, 'meta.json'), JSON.stringify(meta));
  renameSync(work, path.join(cache, `${prefix}${meta.madeAt}`));
}

function peopleSummary(cloud: LocalCloud): string {
  const count = (c: string) => cloud.store.count(c, {});
  return `${count('users')} people, ${count('organizations')} organizations, ${count('places')} places`;
}

/** The newest finished folder for `prefix` young enough to reuse. */
function reusable(prefix: string): SeedTemplate | undefined {
  const cache = cacheDir();
  const made = existsSync(cache)
    ? readdirSync(cache)
        .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
        .map((name) => ({ name, at: Number(name.slice(prefix.length)) }))
        .filter(({ name, at }) => Date.now() - at < MAX_AGE_MS && existsSync(metaFile(name)))
        .sort((a, b) => b.at - a.at)
    : [];
  if (made.length === 0) return undefined;
  const meta = JSON.parse(readFileSync(metaFile(made[0]!.name), 'utf8')) as Meta;
  return { dir: path.join(cache, made[0]!.name, 'data'), ...meta };
}

const metaFile = (name: string) => path.join(cacheDir(), name, 'meta.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the seeding lock for `prefix`, or returns false while a live process holds it. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch {
    let holder = NaN;
    try {
      holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    } catch {
      // The holder has made the folder and not yet written its pid: alive, unless the folder is old.
      const made = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (made === undefined || Date.now() - made < 10_000) return false;
    }
    if (Number.isFinite(holder) && alive(holder)) return false;
    rmSync(lock, { recursive: true, force: true });
    return tryLock(lock);
  }
  writeFileSync(path.join(lock, 'pid'), String(process.pid));
  return true;
}

/** Removes folders (and leftovers of killed seeds) too old for anyone to be using. */
function removeStale(): void {
  const cache = cacheDir();
  for (const entry of readdirSync(cache)) {
    const dir = path.join(cache, entry);
    if (entry.endsWith('.lock')) continue;
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The seeded folder of `part` for the current sources: reused from the cache, or seeded now — by this process,
 * or by another that is already seeding it (this one waits).
 */
export async function seedTemplate(part: SeedPart = 'full'): Promise<SeedTemplate> {
  const cache = cacheDir();
  mkdirSync(cache, { recursive: true });
  const key = seedKey();
  const prefix = `${key}-${part}-`;
  const lock = path.join(cache, `${key}-${part}.lock`);
  for (;;) {
    const found = reusable(prefix);
    if (found) return found;
    if (tryLock(lock)) {
      try {
        // Another process may have finished between the look and the lock.
        const now = reusable(prefix);
        if (now) return now;
        await seedInto(prefix, part);
        removeStale();
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    } else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Starts an in-memory cloud on a copy of a seeded folder, with the secrets and clock its seed used (`options`:
 * anything else, e.g. a function timeout floor for tests).
 */
export async function startFromTemplate(
  template: SeedTemplate,
  options: Omit<LocalCloudOptions, 'from' | 'dataDir' | 'functionEnv'> = {},
): Promise<LocalCloud> {
  const cloud = await startProjectCloud({ ...options, from: template.dir, functionEnv: template.env });
  cloud.clock.advance(template.offset);
  return cloud;
}
