/**
 * Local clouds for pictures: in process, on a free port, with the full demo seed (`seedIfFresh`, the same data
 * `npm start` loads, so every capability's seed is included as it lands). States without `setup` share one
 * seeded cloud; a state with `setup` gets a fresh one, so what it changes never shows in another picture.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

/** Starts an in-memory local cloud with the built functions, seeded with the demo community unless told not to. */
export async function startPreviewCloud(seed = true): Promise<PreviewCloudHandle> {
  const cloud = await startLocalCloud({
    port: 0,
    logs: 'quiet',
    functionEnv: demoFunctionEnv(),
  });
  try {
    const summary = seed ? await seedIfFresh(cloud) : 'unseeded';
    return { demo: previewDemo(cloud), gatewayUrl: cloud.baseUrl, summary, close: () => cloud.close() };
  } catch (err) {
    await cloud.close();
    throw err;
  }
}

/** Hands out clouds to states: one shared seeded cloud, fresh ones on request; closes them all at the end. */
export class CloudPool {
  private shared?: Promise<PreviewCloudHandle>;

  /** The shared demo cloud (started on first use). */
  demo(): Promise<PreviewCloudHandle> {
    this.shared ??= startPreviewCloud(true);
    return this.shared;
  }

  /** A cloud of its own (seeded or not); the caller closes it. */
  fresh(seed: boolean): Promise<PreviewCloudHandle> {
    return startPreviewCloud(seed);
  }

  /** Closes the shared cloud. */
  async close(): Promise<void> {
    const shared = this.shared;
    this.shared = undefined;
    if (shared) await (await shared).close();
  }
}
