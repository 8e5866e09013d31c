/**
 * The seeded demo community as a data folder, made once and reused: the full seed drives every capability's
 * functions and takes about a minute, while a copy of its folder starts in milliseconds. The folder is kept in
 * `.tmp/preview-seed/<key>/` with the function secrets its data was made with; the key hashes everything that
 * shapes the data (local cloud and seed sources, function sources and bundles, database.json) and today's date
 * (seeds place activities, votes and pledges relative to now). Delete the folder to force a fresh seed.
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
import { startLocalCloud } from '../localcloud/cloud';
import { seedIfFresh } from '../localcloud/seed/seedIfFresh';
import { demoFunctionEnv } from '../localcloud/seed/functionEnv';

const ROOT = path.resolve(__dirname, '..');
const CACHE_DIR = path.join(ROOT, '.tmp', 'preview-seed');
/** What the key is made of (folders are walked, files read whole). */
const KEY_SOURCES = [
  'localcloud',
  'cloudfunctions',
  path.join('build', 'cloudfunctions'),
  path.join('build', 'localcloud'),
];
/** Other keys' folders are removed once this old (a run on older sources may still be copying from one). */
const STALE_MS = 6 * 60 * 60 * 1000;

/** A seeded data folder and how to start a cloud on a copy of it. */
export interface SeedTemplate {
  dir: string;
  /** The seed's one-line summary. */
  summary: string;
  /** The functions' environment the data was made with (secrets included). */
  env: Record<string, string>;
  /** The clock offset the seed left (seeds move the clock and normally put it back). */
  offset: number;
}

function files(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
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

/** The cache key for the current sources and date. */
export function seedKey(): string {
  const hash = createHash('sha256');
  for (const file of KEY_SOURCES.flatMap((dir) => files(path.join(ROOT, dir)))) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  hash.update(new Date().toISOString().slice(0, 10));
  return hash.digest('hex').slice(0, 16);
}

/** The functions' environment for the demo (the deploy settings, with fresh secrets). */
export { demoFunctionEnv };

interface Meta {
  summary: string;
  env: Record<string, string>;
  offset: number;
}

/** Seeds a new folder at `dir` (written beside it and renamed into place, so readers never see half of it). */
async function seedInto(dir: string): Promise<void> {
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const env = demoFunctionEnv();
  const cloud = await startLocalCloud({
    port: 0,
    logs: 'quiet',
    dataDir: path.join(work, 'data'),
    functionEnv: env,
  });
  let meta: Meta;
  try {
    meta = { summary: await seedIfFresh(cloud), env, offset: cloud.clock.offset() };
  } finally {
    await cloud.close();
  }
  writeFileSync(path.join(work, 'meta.json'), JSON.stringify(meta));
  try {
    renameSync(work, dir);
  } catch {
    // Another run seeded the same key meanwhile: use theirs.
    rmSync(work, { recursive: true, force: true });
  }
}

/** The seeded template for the current sources: from the cache, or seeded now (and older keys removed). */
export async function seedTemplate(): Promise<SeedTemplate> {
  const key = seedKey();
  const dir = path.join(CACHE_DIR, key);
  if (!existsSync(path.join(dir, 'meta.json'))) {
    mkdirSync(CACHE_DIR, { recursive: true });
    await seedInto(dir);
    for (const entry of readdirSync(CACHE_DIR)) {
      const old = path.join(CACHE_DIR, entry);
      if (entry !== key && Date.now() - statSync(old).mtimeMs > STALE_MS)
        rmSync(old, { recursive: true, force: true });
    }
  }
  const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as Meta;
  return { dir: path.join(dir, 'data'), ...meta };
}
