/** A built function's `config.json`: what CloudBase reads (permissions, triggers) plus timeout and memory. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A timer trigger: CloudBase's 7-field cron (second minute hour day month weekday year), Beijing time. */
export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

/** The parts of config.json the host uses. */
export interface FunctionConfig {
  permissions?: { openapi?: string[] };
  triggers?: TimerTrigger[];
  /** Seconds (CloudBase's default is 3). */
  timeout?: number;
  /** MB; the worker's heap is capped to it. */
  memorySize?: number;
  /**
   * HTTP access (CloudBase's HTTP 访问服务): the trigger path the function answers under, e.g. `/open311`. Requests
   * to it and below reach the function as an integrated request (path, httpMethod, headers, query, body).
   */
  httpPath?: string;
}

/** A deployable function folder. */
export interface FunctionDef {
  name: string;
  dir: string;
  bundlePath: string;
  config: FunctionConfig;
  /** Environment variables set for this function alone (a deployed function gets exactly these). */
  env?: Record<string, string>;
}

/** Lists the built functions under `dir` (each a folder with index.js and config.json). */
export function discoverFunctions(dir: string): Map<string, FunctionDef> {
  const out = new Map<string, FunctionDef>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const fnDir = join(dir, name);
    const bundlePath = join(fnDir, 'index.js');
    if (!existsSync(bundlePath)) continue;
    const configPath = join(fnDir, 'config.json');
    const config = existsSync(configPath)
      ? (JSON.parse(readFileSync(configPath, 'utf8')) as FunctionConfig)
      : {};
    out.set(name, { name, dir: fnDir, bundlePath, config });
  }
  return out;
}
