/**
 * What `--seed <module>` loads: a CommonJS module that fills a fresh data folder through the running cloud
 * (usually by calling its functions, so the data is what they would have written) and may give the functions'
 * environment. The CLI runs it once per data folder and records the outcome (seedRecord.ts).
 */
import { resolve } from 'node:path';
import type { LocalCloud } from './cloud';

/** The exports of a seed module (named exports, or the same under `default`). */
export interface SeedModule {
  /** What the seed loads, for the log line `seeded <description>: <summary>` (default `the seed data`). */
  description?: string;
  /** Fills a fresh cloud; returns a summary for the log and the record. Throwing stops the start. */
  seed(cloud: LocalCloud): Promise<string | void>;
  /**
   * Environment variables for every built function, read at every start (seeded or not) from the CLI's own
   * environment: the settings a deploy would give the functions (first admin, secrets…).
   */
  functionEnv?(env: NodeJS.ProcessEnv): Record<string, string>;
}

/** Loads a seed module from a file path (relative to the working folder). */
export function loadSeedModule(file: string): SeedModule {
  const path = resolve(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path) as Partial<SeedModule> & { default?: Partial<SeedModule> };
  const mod = typeof loaded.seed === 'function' ? loaded : loaded.default;
  if (typeof mod?.seed !== 'function') throw new Error(`${path} exports no seed(cloud) function`);
  return mod as SeedModule;
}
