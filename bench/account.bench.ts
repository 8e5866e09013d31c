/**
 * Database round trips per account action (budget ≤ 3), measured by the local cloud for each invocation,
 * calling every action as the demo person who would use it.
 */
import type { LocalCloud } from '../localcloud/cloud';
import { seedAccount, type AccountSeed } from '../seed/account';
import { DEMO_BOOTSTRAP_ADMINS } from '../seed/functionEnv';
import { startProjectCloud } from '../seed/projectCloud';
import type { ActionArgs, ActionName, ActionResult } from '../cloudfunctions/manifest';
import { printResults } from './support/stats';
import type { BenchResult } from './support/types';

/** Runs every account action once and reports its round trips. */
export async function run(): Promise<BenchResult[]> {
  const cloud = await startProjectCloud({
    functionEnv: { MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS },
  });
  try {
    return await everyAction(cloud, await seedAccount(cloud));
  } finally {
    await cloud.close();
  }
}

/** Every account action once as the demo person who would use it (exported for actions.bench.ts). */
export async function everyAction(cloud: LocalCloud, seed: AccountSeed): Promise<BenchResult[]> {
  const id = (openid: string) => seed.userIds[openid]!;
  const results: BenchResult[] = [];
  const measure = async <A extends ActionName<'account'>>(
    action: A,
    openid: string,
    ...[payload]: ActionArgs<'account', A>
  ): Promise<ActionResult<'account', A>> => {
    const reply = await cloud.call('account', { action, ...(payload as object | undefined) }, openid);
    if ('error' in reply) throw new Error(reply.error.errMsg);
    const result = reply.result as { ok: boolean; data?: unknown; error?: { code: string } };
    if (!result.ok) throw new Error(`${action}: ${result.error?.code}`);
    results.push({
      name: `account.${action}`,
      figures: { roundTrips: reply.stats.dbRoundTrips, ms: reply.stats.durationMs },
      budget: '≤ 3 round trips',
      withinBudget: reply.stats.dbRoundTrips <= 3,
    });
    return result.data as ActionResult<'account', A>;
  };
  await measure('login', 'bench-new-person');
  await measure('login', 'demo-resident-wang');
  await measure('updateProfile', 'demo-resident-chen', {
    nickname: '陈芳芳',
    communityId: 'jn-dongshan-shangfang',
  });
  await measure('places', 'demo-resident-wang');
  await measure('home', 'demo-resident-wang');
  await measure('adminCommunities', 'demo-admin-lukou');
  await measure('searchUsers', 'demo-admin-lukou', { query: '王' });
  await measure('exportPeople', 'demo-admin-lukou', { query: '王' });
  await measure('userDetail', 'demo-admin-lukou', { targetUserId: id('demo-resident-wang') });
  await measure('grantRole', 'demo-admin-dongshan', {
    targetUserId: id('demo-resident-chen'),
    targetRole: 'admin',
    scopeId: 'jn-dongshan-shangfang',
  });
  await measure('revokeRole', 'demo-admin-dongshan', {
    targetUserId: id('demo-resident-chen'),
    targetRole: 'admin',
    scopeId: 'jn-dongshan-shangfang',
    reason: '演示',
  });
  await measure('registerElder', 'demo-admin-lukou', {
    realName: '钱月英',
    birthYear: 1936,
    communityId: 'jn-lukou-xinqiao',
    address: '新桥路1号',
    idempotencyKey: 'bench-elder-1',
  });
  const { code } = await measure('createLinkCode', 'demo-resident-li');
  const link = await measure('requestLink', 'demo-volunteer-zhao', { code, relation: '邻居' });
  await measure('respondLink', 'demo-resident-li', { linkId: link.id, accept: true });
  await measure('listLinks', 'demo-resident-li');
  await measure('unlink', 'demo-volunteer-zhao', { linkId: link.id });
  await measure('adminLink', 'demo-admin-dongshan', {
    elderId: seed.proxyElderId,
    relativeId: id('demo-resident-zhang'),
    relation: '邻居',
  });
  const org = await measure('createOrg', 'demo-admin-dongshan', {
    name: '东山邻里互助社',
    communityIds: ['jn-dongshan-dongshan'],
    scopeId: 'jn-dongshan',
    idempotencyKey: 'bench-org-1',
  });
  await measure('updateOrg', 'demo-admin-dongshan', { orgId: org.id, description: '邻里互助' });
  await measure('updateOrg', 'demo-admin-dongshan', {
    orgId: org.id,
    communityIds: ['jn-dongshan-dongshan', 'jn-dongshan-zhushan'],
  });
  await measure('listOrgs', 'demo-resident-wang');
  await measure('listOrgs', 'demo-admin-lukou');
  return results;
}

if (require.main === module) {
  void run().then(printResults);
}
