/**
 * Starting the `localcloud` command from tests, as an outside user would run it: as `npm run serve` does (the
 * project's localcloud.json: its functions, database.json, demo seed) or bare, on a folder of the test's choosing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
/** The package's command (bin/localcloud.js, which runs the built dist/cli.js). */
const CLI = join(root, 'localcloud', 'bin', 'localcloud.js');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A running local cloud process with everything it printed. */
export interface CloudProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** How to run the command: `project` (default) adds `--config localcloud.json` in the repository root. */
export interface SpawnOptions {
  project?: boolean;
  /** The working folder (default: the repository root). */
  cwd?: string;
}

/**
 * Starts the built `localcloud` command with `env` and `args` (as `npm run serve` does, unless `project: false`),
 * without waiting for anything.
 */
export function spawnCloudProcess(
  env: Record<string, string>,
  args: string[] = [],
  options: SpawnOptions = {},
): CloudProcess {
  const project = options.project === false ? [] : ['--config', join(root, 'localcloud.json')];
  const child = spawn(process.execPath, [CLI, ...project, ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // 'close', not 'exit': by then everything the process printed has been read.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, output: () => out, exited };
}

/** Whether the process printed the ready line. */
export const printedReady = (p: CloudProcess): boolean => /^localcloud ready$/m.test(p.output());

/**
 * Starts the built `localcloud` command and resolves once it printed `localcloud ready`; rejects with everything it
 * printed when it exits first. No time limit of its own (a first start seeds the demo, slow on a busy machine):
 * the test's timeout is the only one.
 */
export async function startCloudProcess(
  env: Record<string, string>,
  args: string[] = [],
  options: SpawnOptions = {},
): Promise<CloudProcess> {
  const p = spawnCloudProcess(env, args, options);
  let exitCode: number | null | undefined;
  void p.exited.then((code) => (exitCode = code));
  while (!printedReady(p)) {
    if (exitCode !== undefined) throw new Error(`exited with ${exitCode} before ready:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return p;
}
