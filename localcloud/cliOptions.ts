/**
 * The command line of `localcloud`: flags, then the environment (LOCALCLOUD_PORT, LOCALCLOUD_DATA), then a
 * `--config` file, then defaults. Paths in a config file are relative to the file's folder; all others to the
 * working folder.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** What the flags say, resolved. */
export interface CliOptions {
  port: number;
  dataDir: string;
  functionsDir?: string;
  databaseSpec?: string;
  seedModule?: string;
  envName?: string;
  appid?: string;
  modulesDir?: string;
  sensitiveWords?: string;
  /** A folder served as static website hosting at `/`. */
  hostingDir?: string;
  /** Milliseconds every round trip of a function waits (the network CloudBase has); 0 by default. */
  latencyMs: number;
  /** Up to this many milliseconds more per round trip, at random. */
  jitterMs: number;
  /** Empty the data folder first. */
  reset: boolean;
  /** Leave a fresh data folder empty even with a seed module. */
  noSeed: boolean;
  /** No functions, no database declaration, no seed: a cloud to deploy into. */
  empty: boolean;
}

/** The keys a config file may hold (the long flag names). */
const CONFIG_KEYS = [
  'functions',
  'database',
  'seed',
  'data',
  'port',
  'env',
  'appid',
  'modules',
  'words',
  'latency',
  'jitter',
  'hosting',
];
const PATH_KEYS = new Set(['functions', 'database', 'seed', 'data', 'modules', 'words', 'hosting']);

/** `localcloud --help`. */
export const USAGE = `localcloud — a CloudBase environment on this machine, at the wire level of wx-server-sdk and
@cloudbase/node-sdk.

usage: localcloud [--functions <dir>] [--database <database.json>] [--data <dir>] [--port <n>]
                  [--seed <module.js>] [--env <id>] [--appid <appid>] [--modules <dir>] [--words <file>]
                  [--latency <ms>] [--jitter <ms>] [--hosting <dir>] [--config <file.json>] [--reset]
                  [--no-seed] [--empty]

  --functions <dir>    built functions to serve: <dir>/<name>/index.js exporting main, and config.json
  --database <file>    collections, indexes and rules to apply at start (CloudBase's database.json shape)
  --data <dir>         where the data lives (db.sqlite, storage/, outbox, deployed functions);
                       default $LOCALCLOUD_DATA or .localcloud/data
  --port <n>           port on 127.0.0.1; default $LOCALCLOUD_PORT or 8787 (0: any free port)
  --seed <module.js>   fills a fresh data folder once: exports seed(cloud), optionally functionEnv(env)
                       and description; a folder whose seed did not finish is refused or seeded again
  --env <id>           the environment id functions see (default local)
  --appid <appid>      the appid mini program callers have (default wxlocalcloud0000)
  --modules <dir>      node_modules that deployed functions' dependencies come from (default ./node_modules)
  --words <file>       the word list security.msgSecCheck matches (default: the package's own)
  --latency <ms>       every database, storage and open-API round trip of a function waits this long, as
                       CloudBase's network would (10–30 ms there); default $LOCALCLOUD_LATENCY_MS or 0
  --jitter <ms>        up to this much more per round trip, at random; default $LOCALCLOUD_JITTER_MS or 0
  --hosting <dir>      static website hosting: the folder's files served read-only at / (e.g. /bigscreen/)
  --config <file>      a JSON object with any of: ${CONFIG_KEYS.join(', ')}
                       (paths relative to the file; flags and LOCALCLOUD_* win over it)
  --reset              empty the data folder first
  --no-seed            leave a fresh data folder empty (a folder with data is used as it is)
  --empty              ignore --functions, --database and --seed (a cloud to deploy into)

Prints "localcloud ready" once it accepts requests; SIGTERM/SIGINT stop it, keeping the data.`;

type Config = Partial<Record<(typeof CONFIG_KEYS)[number], string | number>>;

function readConfig(file: string): Config {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: not a JSON object`);
  const unknown = Object.keys(raw).filter((k) => !CONFIG_KEYS.includes(k));
  if (unknown.length > 0) throw new Error(`${file}: unknown keys ${unknown.join(', ')}`);
  const base = dirname(resolve(file));
  return Object.fromEntries(
    Object.entries(raw as Config).map(([k, v]) => [
      k,
      PATH_KEYS.has(k) && typeof v === 'string' ? resolve(base, v) : v,
    ]),
  );
}

function milliseconds(value: string | number, from: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || value === '') throw new Error(`${from}: not milliseconds: ${value}`);
  return n;
}

/** A flag, else the environment variable, else the config file's key, else 0. */
function msOption(
  flag: string | undefined,
  name: string,
  envVar: string,
  env: NodeJS.ProcessEnv,
  config: Config,
) {
  if (flag !== undefined) return milliseconds(flag, `--${name}`);
  if (env[envVar]) return milliseconds(env[envVar], envVar);
  if (config[name] !== undefined) return milliseconds(config[name], `config ${name}`);
  return 0;
}

function portNumber(value: string | number, from: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${from}: not a port: ${value}`);
  return n;
}

/** Parses the command line; `help` when asked for usage. Throws on an unknown flag or a bad value. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      functions: { type: 'string' },
      database: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      env: { type: 'string' },
      appid: { type: 'string' },
      modules: { type: 'string' },
      words: { type: 'string' },
      latency: { type: 'string' },
      jitter: { type: 'string' },
      hosting: { type: 'string' },
      config: { type: 'string' },
      reset: { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      empty: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const config = values.config ? readConfig(values.config) : {};
  const pick = (key: keyof typeof values & string): string | undefined => {
    const flag = values[key];
    if (typeof flag === 'string') return resolveIfPath(key, flag);
    const fromConfig = config[key];
    return fromConfig === undefined ? undefined : String(fromConfig);
  };
  const port =
    values.port !== undefined
      ? portNumber(values.port, '--port')
      : env.LOCALCLOUD_PORT
        ? portNumber(env.LOCALCLOUD_PORT, 'LOCALCLOUD_PORT')
        : config.port !== undefined
          ? portNumber(config.port, 'config port')
          : 8787;
  const dataDir = values.data
    ? resolve(values.data)
    : env.LOCALCLOUD_DATA
      ? resolve(env.LOCALCLOUD_DATA)
      : config.data !== undefined
        ? String(config.data)
        : resolve('.localcloud', 'data');
  const empty = values.empty;
  return {
    port,
    dataDir,
    ...(empty
      ? {}
      : { functionsDir: pick('functions'), databaseSpec: pick('database'), seedModule: pick('seed') }),
    envName: pick('env'),
    appid: pick('appid'),
    modulesDir: pick('modules'),
    sensitiveWords: pick('words'),
    hostingDir: pick('hosting'),
    latencyMs: msOption(values.latency, 'latency', 'LOCALCLOUD_LATENCY_MS', env, config),
    jitterMs: msOption(values.jitter, 'jitter', 'LOCALCLOUD_JITTER_MS', env, config),
    reset: values.reset,
    noSeed: values['no-seed'] || empty,
    empty,
  };
}

function resolveIfPath(key: string, value: string): string {
  return PATH_KEYS.has(key) ? resolve(value) : value;
}
