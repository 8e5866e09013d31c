/**
 * The whole demo community, seeded by driving the real functions (so the demo data is what the product itself
 * would have written). Each capability adds its part after the account part. `npm start` runs it on a fresh data
 * folder (seed/index.ts, the local cloud's `--seed` module); tests and pictures reuse it through seed/template.ts.
 */
import type { LocalCloud } from '../localcloud/cloud';
import { seedAccount, type AccountSeed } from './account';
import { seedCharity } from './charity';
import { seedPoints } from './points';
import { seedProjects } from './projects';
import { seedProjectContracts } from './projectContracts';
import { seedProposals } from './proposals';
import { seedReports } from './reports';
import { seedRooms } from './rooms';
import { seedServices } from './services';
import { seedVolunteering } from './volunteering';

/**
 * Seconds each function call of the seed may take before it is stopped: the seed gives its calls this much
 * instead of their config.json timeouts, so a first start on a busy machine is slow, never cut short.
 */
export const SEED_FUNCTION_TIMEOUT_S = 600;

/** Loads the whole demo community; returns the account part's ids and a summary. */
export async function seedDemo(cloud: LocalCloud): Promise<{ account: AccountSeed; summary: string }> {
  const started = Date.now();
  const previous = cloud.host.setMinTimeout(SEED_FUNCTION_TIMEOUT_S);
  try {
    const account = await seedAccount(cloud);
    const parts = [
      `charity: ${await seedCharity(cloud, account)}`,
      `proposals: ${await seedProposals(cloud, account)}`,
      `services: ${await seedServices(cloud, account)}`,
      `volunteering: ${await seedVolunteering(cloud, account)}`,
      `points: ${await seedPoints(cloud)}`,
      `rooms: ${await seedRooms(cloud, account)}`,
      `projects: ${await seedProjects(cloud, account)}`,
      `project contracts: ${await seedProjectContracts(cloud, account)}`,
      `reports: ${await seedReports(cloud)}`,
    ];
    const count = (c: string) => cloud.store.count(c, {});
    const head = `${count('users')} people, ${count('organizations')} organizations, ${count('places')} places`;
    const summary = [`${head} in ${Date.now() - started} ms`, ...parts.map((p) => `  ${p}`)].join('\n');
    return { account, summary };
  } finally {
    cloud.host.setMinTimeout(previous);
  }
}
