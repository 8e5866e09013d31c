/**
 * `npm start`: the local cloud on 127.0.0.1:$LOCALCLOUD_PORT (8787) with its data in $LOCALCLOUD_DATA
 * (.localcloud/data). A fresh data folder gets the demo community. Flags: `--reset` wipes the data folder first;
 * `--no-seed` leaves a fresh folder empty. Prints `localcloud ready` once it accepts requests, and never with half
 * a demo: a folder whose seed was cut short (seed/marker.ts) is seeded again from empty, a folder with data but no
 * record of a finished seed stops the start with a message naming `--reset`, and a seed that fails exits with its
 * error. `--empty` starts an empty cloud (no database.json, no built functions, no seed) for
 * `npm run deploy -- --local` to deploy into. SIGTERM/SIGINT stop it cleanly (data is kept for the next start).
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLocalCloud } from './cloud';
import { projectRoot } from './root';
import { demoFunctionEnv } from './seed/functionEnv';
import { seedStatus, writeSeedRecord } from './seed/marker';
import { seedIfFresh } from './seed/seedIfFresh';

/** Stops the start with a message (exit code 1), never having printed the ready line. */
function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Whether this start seeds the demo: a fresh folder does, a folder whose seed was cut short does again. */
function planSeed(dataDir: string, noSeed: boolean): boolean {
  const status = seedStatus(dataDir);
  if (status === 'interrupted') {
    if (noSeed)
      refuse(
        `${dataDir} holds a demo seed that did not finish. Start with --reset (npm start -- --reset) to ` +
          `empty it (add --no-seed to keep it empty), or without --no-seed to seed the demo again.`,
      );
    console.log(
      `the demo seed in ${dataDir} did not finish last time: seeding it again from an empty folder`,
    );
    rmSync(dataDir, { recursive: true, force: true });
    return true;
  }
  if (status === 'unknown' && !noSeed)
    refuse(
      `${dataDir} has data but no record that the demo seed finished (a first start stopped mid-seed, or a ` +
        `folder from an older version). Start with --reset (npm start -- --reset) to wipe it and seed the ` +
        `demo again, or with --no-seed to use it as it is.`,
    );
  return status === 'fresh' && !noSeed;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const root = projectRoot();
  const port = Number(process.env.LOCALCLOUD_PORT ?? 8787);
  const dataDir = resolve(process.env.LOCALCLOUD_DATA ?? join(root, '.localcloud', 'data'));
  if (args.has('--reset') && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  const empty = args.has('--empty');
  const noSeed = args.has('--no-seed') || empty;
  const fresh = seedStatus(dataDir) === 'fresh';
  const seed = planSeed(dataDir, noSeed);
  // The record goes first: a start killed from here on leaves `seeding`, and the next start knows.
  if (seed) writeSeedRecord(dataDir, 'seeding');
  else if (fresh) writeSeedRecord(dataDir, 'none');

  // The first admin comes from configuration, as on CloudBase (see README, deploy); the demo's by default.
  const functionEnv = demoFunctionEnv();
  const cloud = await startLocalCloud({
    port,
    dataDir,
    root,
    ...(empty ? { databaseSpec: null, functionsDir: null } : {}),
    logs: 'print',
    // Timers start once the data is complete: none fires into a half-made demo or competes with the seed.
    scheduleTimers: false,
    functionEnv,
  });
  if (seed) {
    let summary: string;
    try {
      summary = await seedIfFresh(cloud);
    } catch (err) {
      await cloud.close();
      refuse(
        `the demo seed failed: ${(err as Error).message}\n` +
          `${dataDir} is incomplete; the next start seeds it again from an empty folder.`,
      );
    }
    writeSeedRecord(dataDir, 'complete', summary);
    console.log(`seeded the demo community: ${summary}`);
  }
  cloud.timers.start();
  console.log(`wire endpoint ${cloud.wireUrl} (env ${cloud.envName}); data in ${dataDir}`);
  console.log(
    `gateway: curl -s ${cloud.baseUrl}/gateway/call -d '{"name":"account","user":"<openid>","data":{"action":"..."}}'`,
  );
  console.log(`functions: ${cloud.host.names().join(', ') || '(none yet)'}`);
  console.log(
    `management API (npm run deploy -- --local): proxy ${cloud.baseUrl}, authority ${cloud.baseUrl}/manage/ca.pem`,
  );
  console.log('localcloud ready');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`localcloud stopping (${signal})`);
    void cloud.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
