/**
 * Builds everything that runs: each cloud function bundled with esbuild into a deployable folder
 * (build/cloudfunctions/<name>/ with index.js, package.json, config.json; the pinned wx-server-sdk is bundled in,
 * minified, less the parts scripts/sdkTrim.ts leaves out, so CloudBase installs nothing and a fresh instance loads
 * one file; index.js.map beside the bundle serves the local cloud's stack traces and is never uploaded), the local cloud package (its own build, localcloud/dist/), the demo seed the
 * local cloud loads (build/seed/index.js, `seed` in localcloud.json), and the mini program's npm packages
 * (miniprogram/miniprogram_npm, offline with miniprogram-ci), and the street's big screen (build/hosting/bigscreen/,
 * scripts/bigscreen.ts).
 */
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { buildLocalCloud } from '../localcloud/build';
import { buildBigScreen } from './bigscreen';
import { trimSdk } from './sdkTrim';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

/** The cloud function folders (every folder under cloudfunctions/ with an index.ts, except shared code). */
export function functionNames(): string[] {
  const dir = join(root, 'cloudfunctions');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'common' && existsSync(join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/** Builds one function into a fresh folder and swaps it in, so running tests never load a half-written bundle. */
async function buildFunction(name: string): Promise<void> {
  const src = join(root, 'cloudfunctions', name);
  const final = join(root, 'build', 'cloudfunctions', name);
  const out = `${final}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(src, 'index.ts')],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    // CloudBase's Node.js 16 runtime is the oldest we deploy to.
    target: 'node16',
    format: 'cjs',
    // The SDK is bundled too (see the header): a cold start's time was mostly its hundreds of files loading.
    plugins: [trimSdk(root)],
    minify: true,
    // A map file beside the bundle, not inside it: the deployed bundle stays small (cold starts grow with its
    // size) and `npm run deploy` leaves *.map out of the upload; the local cloud's workers read it for traces.
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const configPath = join(src, 'config.json');
  if (existsSync(configPath)) copyFileSync(configPath, join(out, 'config.json'));
  else writeFileSync(join(out, 'config.json'), '{}\n');
  writeFileSync(
    join(out, 'package.json'),
    JSON.stringify(
      {
        name,
        version: '1.0.0',
        private: true,
        main: 'index.js',
        // Nothing for the cloud to install: the SDK is inside index.js (`mulin.bundles` says which, for the deploy
        // plan and for whoever reads this).
        dependencies: {},
        mulin: { bundles: { 'wx-server-sdk': pkg.devDependencies['wx-server-sdk'] } },
      },
      null,
      2,
    ) + '\n',
  );
  const old = `${final}.old-${process.pid}`;
  if (existsSync(final)) renameSync(final, old);
  renameSync(out, final);
  rmSync(old, { recursive: true, force: true });
}

/** Builds the given functions (all by default) into build/cloudfunctions/ (what `npm run deploy` uploads). */
export async function buildFunctions(names: string[] = functionNames()): Promise<void> {
  await Promise.all(names.map(buildFunction));
}

/** The demo seed as one CommonJS module for the local cloud's `--seed` (packages stay external). */
async function buildSeed(): Promise<void> {
  await build({
    entryPoints: [join(root, 'seed', 'index.ts')],
    outfile: join(root, 'build', 'seed', 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

async function buildMiniprogramNpmIfPresent(): Promise<void> {
  const script = join(root, 'scripts', 'build-miniprogram-npm.ts');
  if (!existsSync(script)) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(script) as { buildMiniprogramNpm?: (root: string) => Promise<void> };
  if (mod.buildMiniprogramNpm) await mod.buildMiniprogramNpm(root);
}

/** `tsx scripts/build.ts` builds everything; `tsx scripts/build.ts services charity` only those functions. */
async function main(): Promise<void> {
  const started = Date.now();
  const only = process.argv.slice(2);
  const names = only.length > 0 ? functionNames().filter((n) => only.includes(n)) : functionNames();
  const rest =
    only.length > 0 ? [] : [buildLocalCloud(), buildSeed(), buildMiniprogramNpmIfPresent(), buildBigScreen()];
  await Promise.all([...names.map(buildFunction), ...rest]);
  const what = only.length > 0 ? '' : ', the local cloud, the demo seed, miniprogram_npm and the big screen';
  console.log(`built ${names.length} functions (${names.join(', ')})${what} in ${Date.now() - started} ms`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
