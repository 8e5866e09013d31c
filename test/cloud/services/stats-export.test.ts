/**
 * services.exportProviderStats: 机构满意度 as an .xlsx file — its rows are providerStats' organizations with the
 * page's figures, its header block the totals and the sample size; admins only, each their own scope.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { downloadSheet, exportFiles, factOf, tableOf } from '../../support/xlsx';
import type { ProviderStat } from '../../../cloudfunctions/services/contract';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
});
afterAll(() => demo.close());

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const row = (s: ProviderStat) => [
  s.orgName,
  s.completed,
  s.surveyed,
  s.avgRating,
  pct(s.satisfaction),
  pct(s.complaintRate),
  s.open,
  s.escalated,
];

it.each([
  ['demo-admin-lukou', '禄口街道'],
  ['demo-admin-moling', '秣陵街道'],
])('gives %s the organizations of their scope with the page figures', async (admin, place) => {
  const stats = await demo.ok('services', admin, 'providerStats', {});
  expect(stats.length).toBeGreaterThan(0);
  const r = await demo.call('services', admin, 'exportProviderStats', {});
  if (!r.ok) throw new Error(r.error.message);
  expect(r.roundTrips).toBe(2);
  expect(r.data.rows).toBe(stats.length);
  const sheet = await downloadSheet(r.data.url);
  expect(sheet.name).toBe('机构满意度');
  expect(sheet.rows[0]).toEqual([`机构满意度（${place}）`]);
  const table = tableOf(sheet.rows, '服务机构');
  // Empty figures (no survey yet) are empty cells: compare with them as nulls.
  expect(table.body.map((r) => Array.from({ length: 8 }, (_, i) => r[i] ?? null))).toEqual(stats.map(row));
  expect(factOf(sheet.rows, '合计完成服务（次）')).toBe(stats.reduce((n, s) => n + s.completed, 0));
  expect(factOf(sheet.rows, '回访样本（份）')).toBe(stats.reduce((n, s) => n + s.surveyed, 0));
  expect(factOf(sheet.rows, '统计时段')).toMatch(/^开通以来至\d{4}年\d{1,2}月\d{1,2}日$/);
});

it('refuses organization staff and residents, and invalid input, writing nothing', async () => {
  const before = exportFiles(demo.cloud.storage.rootDir);
  for (const who of ['demo-staff-xinyuan-1', 'demo-resident-wang']) {
    expect(await demo.call('services', who, 'exportProviderStats', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
  expect(
    await demo.unchecked('services', 'demo-admin-lukou', 'exportProviderStats', { orgId: 'x' }),
  ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(exportFiles(demo.cloud.storage.rootDir)).toEqual(before);
});
