/**
 * Compiles the whole mini program offline with miniprogram-ci — the compiler DevTools and `upload` use: the
 * TypeScript plugin, WXSS, app/page JSON checks, npm component resolution, and the unused-file filter from
 * project.config.json — and reports package sizes. It fails with the compiler's message on a broken project
 * (e.g. a usingComponents path that does not resolve), so it is also a check WeChat DevTools would make.
 *
 * Needs `miniprogram/miniprogram_npm` (built first). Runs in about 8 s; not part of the page tests.
 * Run directly with `tsx scripts/compile-miniprogram.ts`, or import {@link compileMiniprogram}.
 */
import { readFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import path from 'node:path';
import { buildMiniprogramNpm } from './build-miniprogram-npm';

const CHILD_FLAG = '--compile-child';

/** Sizes of one compile, in bytes. */
export interface CompileReport {
  ms: number;
  files: number;
  totalBytes: number;
  /** `main` and each subpackage root, e.g. `{ main: 281000, 'pkg-services': 90000 }`. */
  packages: Record<string, number>;
}

interface CiProject {
  attr: () => Promise<unknown>;
}

/** The part of miniprogram-ci this script uses. */
interface MiniprogramCi {
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKey: string;
    ignores: string[];
  }) => CiProject;
  DefaultProjectAttr: unknown;
  getCompiledResult(options: {
    project: CiProject;
    version: string;
    setting: Record<string, boolean>;
    onProgressUpdate: () => void;
  }): Promise<Record<string, string | Uint8Array>>;
}

interface AppJson {
  subpackages?: { root: string }[];
  subPackages?: { root: string }[];
}

/**
 * Compiles `<root>/miniprogram` as DevTools would for upload and returns the package sizes.
 * The compile runs in a child process that is ended afterwards: miniprogram-ci forks a compiler worker that
 * would otherwise keep the caller alive for about ten minutes (seen with 2.1.42).
 * @param root the repository root (holds project.config.json)
 */
export async function compileMiniprogram(root: string): Promise<CompileReport> {
  await buildMiniprogramNpm(root);
  const nodeRequire = require as unknown as NodeJS.Require;
  const child = fork(__filename, [CHILD_FLAG, root], {
    execArgv: ['--require', nodeRequire.resolve('tsx/cjs')],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    return await new Promise<CompileReport>((resolve, reject) => {
      child.once('message', (message: { report?: CompileReport; error?: string }) => {
        if (message.report) resolve(message.report);
        else reject(new Error(message.error ?? 'compile failed'));
      });
      child.once('exit', (code) =>
        reject(new Error(`compiler process exited (${code}) without a result:\n${log}`)),
      );
    });
  } finally {
    child.kill('SIGTERM');
  }
}

/** The compile itself; runs in the child process started by {@link compileMiniprogram}. */
async function compileHere(root: string): Promise<CompileReport> {
  const started = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as MiniprogramCi;
  const config = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as {
    appid: string;
  };
  const project = new ci.Project({
    appid: config.appid,
    type: 'miniProgram',
    projectPath: root,
    // Required by the constructor, unused offline.
    privateKey: 'offline',
    ignores: [
      'node_modules/**/*',
      '.git/**/*',
      'build/**/*',
      '.tmp/**/*',
      'test/**/*',
      'localcloud/**/*',
      'seed/**/*',
      'simulator/**/*',
      'bench/**/*',
    ],
  });
  // The real attr() asks WeChat's servers about the AppID; the defaults are what an ordinary mini program gets.
  project.attr = async () => ci.DefaultProjectAttr;
  const result = await ci.getCompiledResult({
    project,
    version: '0.0.0',
    setting: { es6: true, enhance: true, minify: true, useProjectConfig: true },
    onProgressUpdate: () => undefined,
  });

  const app = JSON.parse(readFileSync(path.join(root, 'miniprogram', 'app.json'), 'utf8')) as AppJson;
  const roots = (app.subpackages ?? app.subPackages ?? []).map((sub) => sub.root.replace(/\/?$/, '/'));
  const packages: Record<string, number> = { main: 0 };
  let totalBytes = 0;
  for (const [file, content] of Object.entries(result)) {
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    const owner = roots.find((r) => file.startsWith(r))?.replace(/\/$/, '') ?? 'main';
    packages[owner] = (packages[owner] ?? 0) + bytes;
    totalBytes += bytes;
  }
  return { ms: Date.now() - started, files: Object.keys(result).length, totalBytes, packages };
}

// Cast: when page tests type-check this file, miniprogram-api-typings' `require` type (no `main`) is in scope.
if ((require as unknown as NodeJS.Require).main === module) {
  if (process.argv[2] === CHILD_FLAG) {
    compileHere(process.argv[3]).then(
      (report) => process.send?.({ report }),
      (err: unknown) => process.send?.({ error: err instanceof Error ? err.message : String(err) }),
    );
  } else {
    compileMiniprogram(path.resolve(__dirname, '..')).then(
      (report) => {
        const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
        console.log(`compiled ${report.files} files in ${report.ms} ms, ${kb(report.totalBytes)} in all`);
        for (const [name, bytes] of Object.entries(report.packages)) console.log(`  ${name}: ${kb(bytes)}`);
      },
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : err);
        process.exitCode = 1;
      },
    );
  }
}
