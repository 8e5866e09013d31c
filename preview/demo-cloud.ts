/**
 * Local clouds for pictures: in process, on a free port, with the full demo seed (`seedDemo`, the same data
 * `npm start` loads, so every capability's seed is included as it lands), started from the seeded folder cached
 * by seed/template.ts. States without `setup` share one seeded cloud; a state with `setup` gets a fresh
 * copy, so what it changes never shows in another picture.
 */
import type { LocalCloud } from '../localcloud/cloud';
import { demoFunctionEnv } from '../seed/functionEnv';
import { startProjectCloud, TEST_FUNCTION_TIMEOUT_S as FUNCTION_TIMEOUT_S } from '../seed/projectCloud';
import { seedTemplate, startFromTemplate, type SeedTemplate } from '../seed/template';
import { callerOf } from '../test/support/demo';
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

function previewDemo(cloud: LocalCloud): PreviewDemo {
  return {
    cloud,
    ...callerOf(cloud),
    userId: (openid: string) => {
      const user = cloud.store.find('users', { openid }, { limit: 1 })[0] as { _id?: string } | undefined;
      if (!user?._id) throw new Error(`no user with openid ${openid} in the demo community`);
      return user._id;
    },
  };
}

function handle(cloud: LocalCloud, summary: string): PreviewCloudHandle {
  return { demo: previewDemo(cloud), gatewayUrl: cloud.baseUrl, summary, close: () => cloud.close() };
}

/** Starts a local cloud with the built functions and no data (in memory). */
export async function startUnseededCloud(): Promise<PreviewCloudHandle> {
  const cloud = await startProjectCloud({
    functionEnv: demoFunctionEnv(),
    minFunctionTimeoutSeconds: FUNCTION_TIMEOUT_S,
  });
  return handle(cloud, 'unseeded');
}

/** Starts a cloud on a fresh copy of the seeded folder, with the secrets and clock the seed used. */
async function startSeeded(template: SeedTemplate): Promise<PreviewCloudHandle> {
  const cloud = await startFromTemplate(template, { minFunctionTimeoutSeconds: FUNCTION_TIMEOUT_S });
  return handle(cloud, template.summary);
}

/**
 * Hands out clouds to states: one shared seeded cloud, and fresh seeded copies for states with `setup` (copies
 * of the cached seeded folder, so each costs milliseconds, not a seed run); closes them at the end.
 */
export class CloudPool {
  private template?: Promise<SeedTemplate>;
  private shared?: Promise<PreviewCloudHandle>;

  private seeded(): Promise<SeedTemplate> {
    this.template ??= seedTemplate('full');
    return this.template;
  }

  /** The shared demo cloud (started on first use). */
  demo(): Promise<PreviewCloudHandle> {
    this.shared ??= this.seeded().then(startSeeded);
    return this.shared;
  }

  /** A cloud of its own, seeded or empty; the caller closes it. */
  async fresh(seed: boolean): Promise<PreviewCloudHandle> {
    return seed ? startSeeded(await this.seeded()) : startUnseededCloud();
  }

  /** Closes the shared cloud (the seeded folder stays cached for the next run). */
  async close(): Promise<void> {
    const shared = this.shared;
    this.shared = undefined;
    if (shared) await (await shared).close();
  }
}
