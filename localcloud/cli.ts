/**
 * `localcloud`: a local cloud on 127.0.0.1 with its data in a folder (flags: cliOptions.ts, `--help`). With
 * `--seed <module>` a fresh data folder is filled once, and never served half filled: the record of the seed
 * (seedRecord.ts) is written before its first write and after its last, so a folder whose seed was cut short is
 * seeded again from empty (or refused with `--no-seed`), a folder with data but no record is refused with a message
 * naming `--reset`, and a seed that fails exits with its error. Prints `localcloud ready` once it accepts requests;
 * SIGTERM/SIGINT stop it cleanly (the data is kept for the next start).
 */
import { rmSync } from 'node:fs';
import { startLocalCloud } from './cloud';
import { parseCli, USAGE, type CliOptions } from './cliOptions';
import { loadSeedModule, type SeedModule } from './seedModule';
import { seedStatus, writeSeedRecord } from './seedRecord';

/** Stops the start with a message (exit code 1), never having printed the ready line. */
function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Whether this start seeds: a fresh folder does, a folder whose seed was cut short does again. */
function planSeed(dataDir: string, canSeed: boolean): boolean {
  const status = seedStatus(dataDir);
  if (status === 'interrupted') {
    if (!canSeed)
      refuse(
        `${dataDir} holds a seed that did not finish. Start with --reset to empty it, or with its seed ` +
          `module (--seed, without --no-seed) to seed it again.`,
      );
    console.log(`the seed in ${dataDir} did not finish last time: seeding it again from an empty folder`);
    rmSync(dataDir, { recursive: true, force: true });
    return true;
  }
  if (status === 'unknown' && canSeed)
    refuse(
      `${dataDir} has data but no record that the seed finished (a first start stopped mid-seed, or a folder ` +
        `made otherwise). Start with --reset to wipe it and seed it again, or with --no-seed to use it as it is.`,
    );
  return status === 'fresh' && canSeed;
}

async function serve(o: CliOptions): Promise<void> {
  if (o.reset) rmSync(o.dataDir, { recursive: true, force: true });
  const seedModule: SeedModule | undefined = o.seedModule ? loadSeedModule(o.seedModule) : undefined;
  const fresh = seedStatus(o.dataDir) === 'fresh';
  const seed = planSeed(o.dataDir, Boolean(seedModule) && !o.noSeed);
  // The record goes first: a start killed from here on leaves `seeding`, and the next start knows.
  if (seed) writeSeedRecord(o.dataDir, 'seeding');
  else if (fresh) writeSeedRecord(o.dataDir, 'none');

  const cloud = await startLocalCloud({
    port: o.port,
    dataDir: o.dataDir,
    functionsDir: o.functionsDir,
    databaseSpec: o.databaseSpec,
    envName: o.envName,
    appid: o.appid,
    modulesDir: o.modulesDir,
    sensitiveWords: o.sensitiveWords,
    hostingDir: o.hostingDir,
    latencyMs: o.latencyMs,
    jitterMs: o.jitterMs,
    logs: 'print',
    // Timers start once the data is complete: none fires into half the seed or competes with it.
    scheduleTimers: false,
    functionEnv: seedModule?.functionEnv?.(process.env),
  });
  if (seed && seedModule) {
    let summary: string;
    try {
      summary = (await seedModule.seed(cloud)) || 'done';
    } catch (err) {
      await cloud.close();
      refuse(
        `the seed failed: ${(err as Error).message}\n` +
          `${o.dataDir} is incomplete; the next start seeds it again from an empty folder.`,
      );
    }
    writeSeedRecord(o.dataDir, 'complete', summary);
    console.log(`seeded ${seedModule.description ?? 'the seed data'}: ${summary}`);
  }
  cloud.timers.start();
  console.log(`wire endpoint ${cloud.wireUrl} (env ${cloud.envName}); data in ${o.dataDir}`);
  console.log(
    `gateway: curl -s ${cloud.baseUrl}/gateway/call -d '{"name":"<function>","user":"<openid>","data":{}}'`,
  );
  console.log(`functions: ${cloud.host.names().join(', ') || '(none yet)'}`);
  if (o.hostingDir) console.log(`static hosting: ${o.hostingDir} at ${cloud.baseUrl}/`);
  if (o.latencyMs > 0 || o.jitterMs > 0)
    console.log(`network latency modelled: ${o.latencyMs} ms per round trip (+ up to ${o.jitterMs} ms)`);
  console.log(
    `management API (@cloudbase/manager-node): proxy ${cloud.baseUrl}, authority ${cloud.baseUrl}/manage/ca.pem`,
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

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (err) {
    refuse(`${(err as Error).message}\n\n${USAGE}`);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  await serve(options);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
