/**
 * The parent's handle on the camera process (camera/child.ts): start it, ask for pictures, stop it. Works from
 * the jsdom test environment, which cannot load playwright-core itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { CameraFigures, CameraMessage, ShootRequest } from './protocol';

/** Generous: Chromium may start on a machine busy with the rest of `npm test`. */
const START_TIMEOUT_MS = 120_000;

/** A running camera. */
export interface Camera {
  /** The Chromium version it drives. */
  chromium: string;
  /** Loads `htmlPath` in Chromium, measures it, and writes `pngPath` when given. */
  shoot(htmlPath: string, pngPath?: string): Promise<CameraFigures>;
  close(): Promise<void>;
}

/** Starts the camera process and waits until its Chromium is up. */
export async function startCamera(): Promise<Camera> {
  const nodeRequire = require as unknown as NodeJS.Require;
  const child: ChildProcess = fork(path.join(__dirname, 'child.ts'), [], {
    execArgv: ['--require', nodeRequire.resolve('tsx/cjs')],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));

  const waiting = new Map<number, { resolve: (f: CameraFigures) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited = false;
  const failAll = (reason: string): void => {
    for (const { reject } of waiting.values()) reject(new Error(reason));
    waiting.clear();
  };

  const chromium = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`camera did not start in ${START_TIMEOUT_MS} ms\n${log}`)),
      START_TIMEOUT_MS,
    );
    child.on('message', (message: CameraMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.chromium);
      } else if (message.type === 'fatal') {
        clearTimeout(timer);
        reject(new Error(`camera: ${message.message}`));
      } else if (message.type === 'shot' || message.type === 'failed') {
        const entry = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.type === 'shot') entry?.resolve(message.figures);
        else entry?.reject(new Error(`camera: ${message.message}`));
      }
    });
    child.once('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      const reason = `camera process exited (${code})\n${log}`;
      reject(new Error(reason));
      failAll(reason);
    });
  });

  return {
    chromium,
    shoot: (htmlPath, pngPath) =>
      new Promise<CameraFigures>((resolve, reject) => {
        if (exited) {
          reject(new Error(`camera process is gone\n${log}`));
          return;
        }
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        const request: ShootRequest = { type: 'shoot', id, htmlPath, ...(pngPath ? { pngPath } : {}) };
        child.send(request);
      }),
    close: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
