/**
 * Local clouds for pictures: in process, on a free port, with the full demo seed (`seedIfFresh`, the same data
 * `npm start` loads, so every capability's seed is included as it lands). States without `setup` share one
 * seeded cloud; a state with `setup` gets a fresh copy, so what it changes never shows in another picture.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../localcloud/cloud';
import { DEMO_BOOTSTRAP_ADMINS, seedIfFresh } from '../localcloud/seed/seedIfFresh';
import type { PreviewDemo } from './registry';

/** A started cloud for pictures. */
export interface PreviewCloudHandle {
  demo: PreviewDemo;
  /** Base URL of its gateway (what the wx.cloud bridge posts to). */
  gatewayUrl: string;
  /** The seed's one-line summary, or `unseeded`. */
  summary: string;
  close(): Promise<void>;
}

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function previewDemo(cloud: LocalCloud): PreviewDemo {
  const call = async <T>(
    fn: string,
    openid: string,
    action: string,
    payload: Record<string, unknown> = {},
  ) => {
    const reply = await cloud.call(fn, { action, ...payload }, openid);
    if ('error' in reply) throw new Error(`${fn}.${action} as ${openid}: ${reply.error.errMsg}`);
    return reply.result as Envelope<T>;
  };
  return {
    cloud,
    call,
    ok: async <T>(fn: string, openid: string, action: string, payload: Record<string, unknown> = {}) => {
      const reply = await call<T>(fn, openid, action, payload);
      if (!reply.ok)
        throw new Error(`${fn}.${action} as ${openid}: ${reply.error.code} ${reply.error.message}`);
      return reply.data;
    },
    userId: (openid: string) => {
      const user = cloud.store.find('users', { openid }, { limit: 1 })[0] as { _id?: string } | undefined;
      if (!user?._id) throw new Error(`no user with openid ${openid} in the demo community`);
      return user._id;
    },
  };
}

const FUNCTIONS_DIR = path.resolve(__dirname, '..', 'cloudfunctions');

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, out);
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/**
 * The functions' environment for the demo: the bootstrap admin, and a fresh random value for every
 * `MULIN_…_SECRET` the functions read (found in their source, so a capability that adds a secret is covered
 * without an edit here; `npm start` and the test demo cloud set the same ones by hand).
 */
export function demoFunctionEnv(): Record<string, string> {
  const secrets = new Set<string>();
  for (const file of sources(FUNCTIONS_DIR))
    for (const match of readFileSync(file, 'utf8').matchAll(/\bMULIN_[A-Z0-9_]*SECRET\b/g))
      secrets.add(match[0]);
  return {
    MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS,
    ...Object.fromEntries([...secrets].map((name) => [name, process.env[name] ?? randomUUID()])),
  };
}

let env: Record<string, string> | undefined;

/** One environment per run: a seeded copy must meet the secrets its data was made with. */
function runEnv(): Record<string, string> {
  env ??= demoFunctionEnv();
  return env;
}

function handle(cloud: LocalCloud, summary: string, cleanup?: () => void): PreviewCloudHandle {
  return {
    demo: previewDemo(cloud),
    gatewayUrl: cloud.baseUrl,
    summary,
    close: async () => {
      await cloud.close();
      cleanup?.();
    },
  };
}

/** Starts a local cloud with the built functions and no data (in memory). */
export async function startUnseededCloud(): Promise<PreviewCloudHandle> {
  return handle(await startLocalCloud({ port: 0, logs: 'quiet', functionEnv: runEnv() }), 'unseeded');
}

/** A seeded data folder to copy from: the demo seed runs once per picture run, not once per state. */
interface Template {
  dir: string;
  summary: string;
  /** The clock offset the seed left (seeds move the clock and normally put it back). */
  offset: number;
}

async function seedTemplate(): Promise<Template> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mulin-preview-seed-'));
  const cloud = await startLocalCloud({ port: 0, logs: 'quiet', dataDir: dir, functionEnv: runEnv() });
  try {
    const summary = await seedIfFresh(cloud);
    return { dir, summary, offset: cloud.clock.offset() };
  } finally {
    await cloud.close();
  }
}

async function startFromTemplate(template: Template): Promise<PreviewCloudHandle> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mulin-preview-cloud-'));
  cpSync(template.dir, dir, { recursive: true });
  const cloud = await startLocalCloud({ port: 0, logs: 'quiet', dataDir: dir, functionEnv: runEnv() });
  cloud.clock.advance(template.offset);
  return handle(cloud, template.summary, () => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Hands out clouds to states: one shared seeded cloud, and fresh seeded copies for states with `setup` (a copy
 * of a data folder seeded once, so each costs milliseconds, not a seed run); closes them all at the end.
 */
export class CloudPool {
  private template?: Promise<Template>;
  private shared?: Promise<PreviewCloudHandle>;

  private seeded(): Promise<Template> {
    this.template ??= seedTemplate();
    return this.template;
  }

  /** The shared demo cloud (started on first use). */
  demo(): Promise<PreviewCloudHandle> {
    this.shared ??= this.seeded().then(startFromTemplate);
    return this.shared;
  }

  /** A cloud of its own, seeded or empty; the caller closes it. */
  async fresh(seed: boolean): Promise<PreviewCloudHandle> {
    return seed ? startFromTemplate(await this.seeded()) : startUnseededCloud();
  }

  /** Closes the shared cloud and removes the seeded template. */
  async close(): Promise<void> {
    const shared = this.shared;
    const template = this.template;
    this.shared = undefined;
    this.template = undefined;
    if (shared) await (await shared).close();
    if (template) rmSync((await template).dir, { recursive: true, force: true });
  }
}
