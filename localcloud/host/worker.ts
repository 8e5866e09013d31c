/**
 * One function instance: loads the built bundle once, then runs one invocation at a time, each with the caller's
 * identity set in this worker's own `process.env` (a worker's env is private to it, so concurrent callers never
 * see each other's OPENID). Built to dist/worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { InvokeMessage, ResultMessage } from './protocol';

type Main = (event: unknown, context: unknown) => unknown;

const { bundlePath, sourceMaps } = workerData as { bundlePath: string; sourceMaps?: boolean };
// Stack traces in the local cloud point at the TypeScript sources, through the map beside each built bundle
// (reading the map costs the instance's start; CloudBase, without maps, does not pay it).
if (sourceMaps !== false) process.setSourceMapsEnabled(true);
let main: Main | undefined;

function load(): Main {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(bundlePath) as { main?: Main };
  if (typeof mod.main !== 'function') throw new Error(`${bundlePath} does not export main`);
  return mod.main;
}

parentPort!.on('message', (msg: InvokeMessage) => {
  void run(msg).then((reply) => parentPort!.postMessage(reply));
});

async function run(msg: InvokeMessage): Promise<ResultMessage> {
  for (const [k, v] of Object.entries(msg.env)) {
    if (v === null) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    main ??= load();
    const result = await main(msg.event, msg.context);
    // CloudBase hands the caller JSON: Dates become strings, undefined becomes null.
    return { type: 'result', id: msg.id, ok: true, resultJson: JSON.stringify(result ?? null) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(typeof err === 'string' ? err : JSON.stringify(err));
    return {
      type: 'result',
      id: msg.id,
      ok: false,
      error: { name: e.name, message: e.message, stack: e.stack },
    };
  }
}
