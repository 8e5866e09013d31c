/**
 * Seeds a fresh data folder with the demo community by driving the real functions (so the demo data is what
 * the product itself would have written). Each capability adds its part after the account part.
 */
import type { LocalCloud } from '../cloud';
import { seedAccount } from './account';
import { seedCharity } from './charity';
import { seedProposals } from './proposals';
import { seedServices } from './services';
import { seedVolunteering } from './volunteering';

/** The setting that makes the demo district admin the first admin (a deploy-time setting in production). */
export const DEMO_BOOTSTRAP_ADMINS = 'demo-admin-jiangning@jn';

/** Loads the demo community; returns a one-line summary. */
export async function seedIfFresh(cloud: LocalCloud): Promise<string> {
  const started = Date.now();
  const account = await seedAccount(cloud);
  await seedCharity(cloud, account);
  await seedProposals(cloud, account);
  await seedServices(cloud, account);
  await seedVolunteering(cloud, account);
  const people = Object.keys(account.userIds).length + 1;
  return `${people} people, 2 organizations, ${cloud.store.count('places', {})} places in ${Date.now() - started} ms`;
}
