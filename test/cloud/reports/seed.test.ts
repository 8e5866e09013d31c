/**
 * The reports demo seed runs through the real functions and leaves 禄口 and 秣陵 with grids and teams, 22
 * departments and 66 matters each, and reports in every state — and puts the clock back. Checked in the whole demo.
 */
import { partSummary, startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 300_000);
afterAll(() => demo.close());

it('has grids, the matter list and reports in every state; each role sees its part', async () => {
  expect(partSummary(demo, 'reports')).toBe(
    '4 grids, 44 departments, 132 matters, 10 reports (1 patrol, 3 dispatched, 2 accepted, 1 resolved, 2 closed, 1 dismissed)',
  );
  expect(demo.cloud.clock.offset()).toBe(0);
  const escalated = demo.cloud.store.docs('reports').filter((r) => (r['escalated'] as string[]).length > 0);
  expect(escalated.length).toBeGreaterThanOrEqual(1);
  const matters = await demo.ok('reports', 'demo-resident-wang', 'matters', {});
  expect(matters).toHaveLength(66);
  const mine = await demo.ok('reports', 'demo-resident-wang', 'myReports', {});
  expect(mine.items.length).toBeGreaterThanOrEqual(4);
  const patrol = await demo.ok('reports', 'demo-grid-lk-2', 'queue', { view: 'patrol' });
  expect(patrol.items.map((r) => r.matterName)).toEqual(['占道经营']);
  const city = await demo.ok('reports', 'demo-dept-lk-cg', 'queue', { view: 'department' });
  expect(city.items.every((r) => r.status === 'dispatched' || r.status === 'accepted')).toBe(true);
  const overdue = await demo.ok('reports', 'demo-admin-lukou', 'queue', { view: 'overdue' });
  expect(overdue.items.map((r) => r.matterName)).toContain('楼道堆物');
  const figures = await demo.ok('reports', 'demo-admin-lukou', 'figures', {});
  expect(figures.byGrid.map((r) => r.name).sort()).toEqual(['东片网格', '西片网格']);
});
