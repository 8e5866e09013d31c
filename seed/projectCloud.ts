/**
 * The project's local cloud settings, kept once in `localcloud.json` (what `npm start` hands the `localcloud`
 * CLI) and read here for the clouds tests, benchmarks and pictures start in process: the built functions,
 * database.json, the environment id and appid the project's local cloud answers as.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../localcloud/cloud';

/** The repository root. */
export const ROOT = path.join(__dirname, '..');

/** The parts of localcloud.json used here (paths relative to the root). */
interface ProjectConfig {
  functions: string;
  database: string;
  env: string;
  appid: string;
}

const config = JSON.parse(readFileSync(path.join(ROOT, 'localcloud.json'), 'utf8')) as ProjectConfig;

/**
 * The wall-clock limit the clouds of tests and pictures give every function, whatever its config.json says: as
 * long as a test may run (jest's 60 s), so a busy machine's slowness never fails a test. The platform's own limits
 * are shown by test/localcloud/functions.test.ts with a cloud that keeps them (`minFunctionTimeoutSeconds: 0`).
 */
export const TEST_FUNCTION_TIMEOUT_S = 60;

/** What makes a cloud the project's: its functions, database declaration, environment id and appid. */
export const PROJECT_CLOUD: Readonly<LocalCloudOptions> = {
  functionsDir: path.join(ROOT, config.functions),
  databaseSpec: path.join(ROOT, config.database),
  envName: config.env,
  appid: config.appid,
  modulesDir: path.join(ROOT, 'node_modules'),
};

/** Starts an in-memory project cloud on a free port, quiet (`options` add to or override the settings). */
export function startProjectCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  return startLocalCloud({ port: 0, logs: 'quiet', ...PROJECT_CLOUD, ...options });
}
