/** Starting `npm start`'s process (build/localcloud/main.js) from tests, as an outside user would run it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

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

/** Starts the built local cloud (build/localcloud/main.js) with `env` and `args`, without waiting for anything. */
export function spawnCloudProcess(env: Record<string, string>, args: string[] = []): CloudProcess {
  const child = spawn(process.execPath, [join(root, 'build', 'localcloud', 'main.js'), ...args], {
    cwd: root,
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
 * Starts the built local cloud and resolves once it printed `localcloud ready`; rejects with everything it
 * printed when it exits first. No time limit of its own (a first start seeds the demo, slow on a busy machine):
 * the test's timeout is the only one.
 */
export async function startCloudProcess(
  env: Record<string, string>,
  args: string[] = [],
): Promise<CloudProcess> {
  const p = spawnCloudProcess(env, args);
  let exitCode: number | null | undefined;
  void p.exited.then((code) => (exitCode = code));
  while (!printedReady(p)) {
    if (exitCode !== undefined) throw new Error(`exited with ${exitCode} before ready:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return p;
}
