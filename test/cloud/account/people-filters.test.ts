/**
 * account.searchUsers filters for the people list: by community, role held and least age — always inside the
 * admin's scope (a 秣陵 admin never finds 禄口's people, whatever the filter).
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
  demo.cloud.clock.set(new Date('2026-06-01T01:00:00Z'));
});
afterAll(() => demo.close());

const LUKOU_ADMIN = 'demo-admin-lukou';
it('filters by least age, role and community', async () => {
  const all = await demo.ok('account', LUKOU_ADMIN, 'searchUsers', {});
  const elders = await demo.ok('account', LUKOU_ADMIN, 'searchUsers', { minAge: 80 });
  expect(elders.items.length).toBeGreaterThan(0);
  expect(elders.items.length).toBeLessThan(all.items.length);
  expect(elders.items.every((u) => (u.age ?? 0) >= 80)).toBe(true);
  expect(elders.items.map((u) => u.nickname)).toContain('王奶奶');

  const staff = await demo.ok('account', LUKOU_ADMIN, 'searchUsers', { withRole: 'provider' });
  expect(staff.items.length).toBeGreaterThan(0);
  expect(staff.items.every((u) => u.roles.some((r) => r.role === 'provider'))).toBe(true);

  const community = 'jn-lukou-xinqiao';
  const xinqiao = await demo.ok('account', LUKOU_ADMIN, 'searchUsers', { communityId: community });
  expect(xinqiao.items.every((u) => u.communityName === '新桥社区')).toBe(true);
  const both = await demo.ok('account', LUKOU_ADMIN, 'searchUsers', { communityId: community, minAge: 80 });
  expect(both.items.every((u) => u.communityName === '新桥社区' && (u.age ?? 0) >= 80)).toBe(true);
});

it('stays inside the scope whatever the filter', async () => {
  const lukouIds = new Set((await demo.ok('account', LUKOU_ADMIN, 'searchUsers', {})).items.map((u) => u.id));
  for (const input of [
    {},
    { minAge: 80 },
    { withRole: 'provider' as const },
    { communityId: 'jn-lukou-lukou' },
  ]) {
    const found = await demo.ok('account', 'demo-admin-moling', 'searchUsers', input);
    expect(found.items.filter((u) => lukouIds.has(u.id))).toEqual([]);
  }
});
