/**
 * `npm start`: the local cloud on 127.0.0.1:$LOCALCLOUD_PORT (8787) with its data in $LOCALCLOUD_DATA
 * (.localcloud/data). A fresh data folder gets the demo community. Flags: `--reset` wipes the data folder first;
 * `--no-seed` leaves a fresh folder empty; `--empty` starts an empty cloud (no database.json, no built functions,
 * no seed) for `npm run deploy -- --local` to deploy into. Prints `localcloud ready` once it accepts requests; SIGTERM/SIGINT stop
 * it cleanly (data is kept for the next start).
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLocalCloud } from './cloud';
import { projectRoot } from './root';
import { demoFunctionEnv } from './seed/functionEnv';
import { seedIfFresh } from './seed/seedIfFresh';

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const root = projectRoot();
  const port = Number(process.env.LOCALCLOUD_PORT ?? 8787);
  const dataDir = resolve(process.env.LOCALCLOUD_DATA ?? join(root, '.localcloud', 'data'));
  if (args.has('--reset') && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  const fresh = !existsSync(join(dataDir, 'db.sqlite'));

  // The first admin comes from configuration, as on CloudBase (see README, deploy); the demo's by default.
  const functionEnv = demoFunctionEnv();
  const empty = args.has('--empty');
  const cloud = await startLocalCloud({
    port,
    dataDir,
    root,
    ...(empty ? { databaseSpec: null, functionsDir: null } : {}),
    logs: 'print',
    scheduleTimers: true,
    functionEnv,
  });
  if (fresh && !args.has('--no-seed') && !empty) {
    const summary = await seedIfFresh(cloud);
    if (summary) console.log(`seeded the demo community: ${summary}`);
  }
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
