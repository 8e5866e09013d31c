/**
 * The projects demo (seed/projects.ts) as the whole demo loads it: the pools, a call at every stage, the round's
 * contracts in signing with the call's terms, and each role's pages' reads answering within 3 round trips.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { demoCallId } from '../../../seed/projects';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 300_000);
afterAll(() => demo.close());

const round = () => demoCallId(demo.cloud, '2027年度禄口街道公益创投');

test('the pools: admitted, waiting and rejected with its reason', async () => {
  const lukou = await demo.call('projects', 'demo-admin-lukou', 'poolEntries', { streetId: 'jn-lukou' });
  expect(lukou.roundTrips).toBeLessThanOrEqual(3);
  if (!lukou.ok) throw new Error(lukou.error.message);
  expect(lukou.data.items.map((e) => e.statusText).sort()).toEqual(['已入库', '已入库', '已入库', '未通过']);
  const rejected = lukou.data.items.find((e) => e.status === 'rejected')!;
  expect(rejected.history[0]!.reason).toContain('年度报告');
  const dongshan = await demo.ok('projects', 'demo-admin-dongshan', 'poolEntries', {
    streetId: 'jn-dongshan',
  });
  expect(dongshan.items.map((e) => e.status).sort()).toEqual(['admitted', 'applied']);
});

test('calls at every stage, and the round’s contracts in signing', async () => {
  const calls = demo.cloud.store.docs('project_calls');
  expect(calls.map((c) => c.status).sort()).toEqual(['contracted', 'open', 'reviewing']);
  const d = await demo.call('projects', 'demo-staff-hongye-1', 'callDetail', { callId: round() });
  expect(d.roundTrips).toBeLessThanOrEqual(3);
  if (!d.ok) throw new Error(d.error.message);
  expect(d.data.ranking.map((r) => [r.orgName, r.awarded])).toEqual([
    ['心苑社会工作服务中心', true],
    ['禄口邻里调解工作室', true],
    ['南京红叶社会工作服务社', false],
  ]);
  // The round's own contracts (the demo also has last year's contracts under way: seed/projectContracts.ts).
  const contracts = demo.cloud.store.docs('project_contracts').filter((c) => c.callId === round());
  expect(contracts).toHaveLength(2);
  expect(contracts.every((c) => c.status === 'signing')).toBe(true);
  const reviews = await demo.call('projects', 'demo-expert-he', 'myReviews', {});
  expect(reviews.roundTrips).toBeLessThanOrEqual(3);
  expect(reviews.ok && reviews.data.map((r) => r.declared)).toEqual([false, true]);
  const mine = await demo.call('projects', 'demo-staff-hongye-1', 'myBids', {});
  expect(mine.roundTrips).toBeLessThanOrEqual(3);
  expect(mine.ok && mine.data.map((b) => b.statusText)).toEqual(['草稿', '已提交']);
});
