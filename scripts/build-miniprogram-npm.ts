/**
 * Builds `miniprogram/miniprogram_npm` from the root package.json's `dependencies` (TDesign), offline, with
 * miniprogram-ci's `packNpmManually` — the same routine DevTools runs for "构建 npm" when project.config.json
 * sets `packNpmManually` with a `packNpmRelationList`.
 *
 * Skips the work when nothing changed: a stamp under `node_modules/.cache/` records a hash of the lockfile and
 * the dependency list, and the build is redone only when that hash differs or an output folder is missing.
 *
 * WeChat's npm build packs a plain CommonJS package as its `main` file and what that requires, nothing else, so
 * `require('dayjs/plugin/utc')` would find nothing on a phone (dayjs #1326). {@link EXTRA_FILES} lists the files of a
 * package the mini program requires by path; they are copied beside the packed entry, where the mini program's
 * `require` looks for them. DevTools' own 工具 → 构建 npm does not copy them: build with this script.
 *
 * Run directly with `tsx scripts/build-miniprogram-npm.ts [--force]`; `scripts/build.ts` imports
 * {@link buildMiniprogramNpm}.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Bump when the build's output would change for the same lockfile (invalidates every stamp). */
const BUILDER_VERSION = 2;

/**
 * Files of a dependency that mini program code requires by path (miniprogram/shared/calendar.ts), copied from
 * `node_modules/<name>/` into `miniprogram_npm/<name>/`. They must be self-contained CommonJS (dayjs's are UMD).
 */
export const EXTRA_FILES: Readonly<Record<string, readonly string[]>> = {
  dayjs: ['plugin/utc.js', 'locale/zh-cn.js'],
};

/** What one build did, for callers that report timings. */
export interface MiniprogramNpmResult {
  /** True when the stamp matched and nothing was rebuilt. */
  upToDate: boolean;
  /** Wall time of this call in milliseconds. */
  ms: number;
  /** The built folder, `<root>/miniprogram/miniprogram_npm`. */
  outDir: string;
}

interface PackageJson {
  dependencies?: Record<string, string>;
}

/** The part of miniprogram-ci this script uses (its own typings pull in a large tree). */
interface MiniprogramCi {
  packNpmManually(options: {
    packageJsonPath: string;
    miniprogramNpmDistDir: string;
    ignores?: string[];
  }): Promise<{ miniProgramPackNum: number; otherNpmPackNum: number; warnList: { msg?: string }[] }>;
}

/** What to try when the build fails because of one package. */
function advice(name: string): string {
  return (
    `Try: npm ci (reinstalls ${name} and everything else from package-lock.json), then ` +
    `npx tsx scripts/build-miniprogram-npm.ts --force. If package.json changed ${name}'s version, that version ` +
    `may not support the mini program's npm build (it needs a "miniprogram" folder or plain CommonJS): go back ` +
    `to the last version that built.`
  );
}

/** The package under `node_modules/` that a message points at (the first path into one), if any. */
function packageIn(message: string): string | undefined {
  return /node_modules[\\/]((?:@[^\\/\s"'():,]+[\\/])?[^\\/\s"'():,]+)/
    .exec(message)?.[1]
    ?.replace('\\', '/');
}

/** The installed version of a package, or why there is none. */
function installed(root: string, name: string): string {
  const file = path.join(root, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return 'not installed';
  return `${(JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?'} installed`;
}

/**
 * The error to report when packNpmManually threw: names the package the error points at (and what to try), or
 * every dependency when it points at none.
 */
function packFailure(root: string, deps: Record<string, string>, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const name = packageIn(message);
  const which = name
    ? `package ${name} (${deps[name] ? `${deps[name]} in package.json, ` : 'a dependency of a dependency, '}` +
      `${installed(root, name)})`
    : `one of ${Object.keys(deps).join(', ')}`;
  return new Error(
    `building miniprogram/miniprogram_npm failed in ${which}: ${message}\n${advice(name ?? 'it')}`,
    { cause: err },
  );
}

/** Copies {@link EXTRA_FILES} of each dependency into the packed tree; a file that is missing stops the build. */
function copyExtraFiles(root: string, built: string, deps: Record<string, string>): void {
  for (const [name, files] of Object.entries(EXTRA_FILES)) {
    if (!deps[name]) continue;
    for (const file of files) {
      const from = path.join(root, 'node_modules', name, file);
      if (!existsSync(from))
        throw new Error(
          `building miniprogram/miniprogram_npm: ${name}/${file} is missing (${installed(root, name)}), and the mini ` +
            `program requires it.\n${advice(name)}`,
        );
      const to = path.join(built, name, file);
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
}

/** Hash of everything the output depends on: lockfile, dependency list, this builder's version. */
function inputHash(root: string, deps: Record<string, string>): string {
  const hash = createHash('sha256');
  hash.update(`v${BUILDER_VERSION}\n`);
  hash.update(JSON.stringify(deps));
  hash.update(JSON.stringify(EXTRA_FILES));
  const lock = path.join(root, 'package-lock.json');
  hash.update(existsSync(lock) ? readFileSync(lock) : 'no-lockfile');
  return hash.digest('hex');
}

/**
 * Builds `<root>/miniprogram/miniprogram_npm` unless it is already up to date with the lockfile.
 * The new tree is packed into `<root>/.tmp/` and swapped in with a rename, so a reader never sees it half
 * written and files of a removed or renamed component do not linger.
 * @param root the repository root (holds package.json and package-lock.json)
 * @param options.force rebuild even when the stamp matches
 */
export async function buildMiniprogramNpm(root: string, options: { force?: boolean } = {}): Promise<void> {
  await buildMiniprogramNpmWithResult(root, options);
}

/** {@link buildMiniprogramNpm}, also returning whether it rebuilt and how long it took. */
export async function buildMiniprogramNpmWithResult(
  root: string,
  options: { force?: boolean } = {},
): Promise<MiniprogramNpmResult> {
  const started = Date.now();
  const packageJsonPath = path.join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as PackageJson;
  const deps = pkg.dependencies ?? {};
  const outDir = path.join(root, 'miniprogram', 'miniprogram_npm');
  const stampPath = path.join(root, 'node_modules', '.cache', 'mulin', 'miniprogram-npm.stamp');
  const hash = inputHash(root, deps);

  const outputsPresent =
    Object.keys(deps).every((name) => existsSync(path.join(outDir, name))) &&
    Object.entries(EXTRA_FILES).every(
      ([name, files]) => !deps[name] || files.every((f) => existsSync(path.join(outDir, name, f))),
    );
  const stamp = existsSync(stampPath) ? readFileSync(stampPath, 'utf8').trim() : '';
  if (!options.force && stamp === hash && outputsPresent) {
    return { upToDate: true, ms: Date.now() - started, outDir };
  }

  const tmpDir = path.join(root, '.tmp', `miniprogram-npm-${process.pid}-${Date.now()}`);
  mkdirSync(tmpDir, { recursive: true });
  try {
    let ci: MiniprogramCi;
    try {
      // Loaded lazily: requiring miniprogram-ci costs about a second, which the up-to-date path should not pay.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ci = require('miniprogram-ci') as MiniprogramCi;
    } catch (err) {
      throw new Error(
        `building miniprogram/miniprogram_npm needs the package miniprogram-ci (a devDependency), which did not ` +
          `load: ${(err as Error).message}\n${advice('miniprogram-ci')}`,
        { cause: err },
      );
    }
    let result: Awaited<ReturnType<MiniprogramCi['packNpmManually']>>;
    try {
      result = await ci.packNpmManually({ packageJsonPath, miniprogramNpmDistDir: tmpDir });
    } catch (err) {
      throw packFailure(root, deps, err);
    }
    const warnings = result.warnList.map((warn) => warn.msg ?? JSON.stringify(warn));
    const rawWarnings = result.warnList.map((warn) => JSON.stringify(warn));
    for (const warning of warnings) console.warn(`[miniprogram-npm] ${warning}`);
    const built = path.join(tmpDir, 'miniprogram_npm');
    // miniprogram-ci skips a package it cannot pack with at most a warning: name each one missing from the output.
    const missing = Object.keys(deps).filter((name) => !existsSync(path.join(built, name)));
    if (missing.length > 0) {
      throw new Error(
        missing
          .map((name) => {
            const warned = rawWarnings.filter((w) => packageIn(w) === name);
            return (
              `building miniprogram/miniprogram_npm made nothing for package ${name} (${deps[name]} in ` +
              `package.json, ${installed(root, name)})${warned.length ? `: ${warned.join('; ')}` : ''}\n` +
              advice(name)
            );
          })
          .join('\n'),
      );
    }
    copyExtraFiles(root, built, deps);
    const old = `${outDir}.old-${process.pid}`;
    mkdirSync(path.dirname(outDir), { recursive: true });
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(built, outDir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }

  mkdirSync(path.dirname(stampPath), { recursive: true });
  writeFileSync(stampPath, `${hash}\n`);
  return { upToDate: false, ms: Date.now() - started, outDir };
}

// Cast: when page tests type-check this file, miniprogram-api-typings' `require` type (no `main`) is in scope.
if ((require as unknown as NodeJS.Require).main === module) {
  const root = path.resolve(__dirname, '..');
  buildMiniprogramNpmWithResult(root, { force: process.argv.includes('--force') }).then(
    (r) =>
      console.log(
        `miniprogram_npm ${r.upToDate ? 'up to date' : 'built'} in ${r.ms} ms: ${path.relative(root, r.outDir)}`,
      ),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
