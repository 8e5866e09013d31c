/**
 * volunteering.exportPointsReport: 爱心积分月报 as an .xlsx file — its rows are pointsReport's months (newest
 * first, as the page lists them), its header block the period in plain dates and the totals; the street's admins
 * only.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { downloadSheet, exportFiles, factOf, tableOf } from '../../support/xlsx';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  demo.cloud.clock.set(new Date('2026-06-15T02:00:00Z'));
});
afterAll(() => demo.close());

const MOLING_ADMIN = 'demo-admin-moling';

it("holds the street's months as the report gives them, with the period and totals on top", async () => {
  const report = await demo.ok('volunteering', MOLING_ADMIN, 'pointsReport', {
    streetId: 'jn-moling',
    months: 6,
  });
  const r = await demo.call('volunteering', MOLING_ADMIN, 'exportPointsReport', {
    streetId: 'jn-moling',
    months: 6,
  });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.roundTrips).toBeLessThanOrEqual(3);
  const sheet = await downloadSheet(r.data.url);
  expect(sheet.rows[0]).toEqual(['爱心积分月报（秣陵街道）']);
  expect(factOf(sheet.rows, '统计时段')).toBe('2026年1月1日至2026年6月15日');
  const table = tableOf(sheet.rows, '月份');
  expect(table.columns).toEqual(['月份', '发放', '兑换', '赠出', '过期', '月末结余']);
  expect(table.body).toEqual(
    report.months.map((m) => [m.monthText, m.issued, m.spent, m.given, m.expired, m.outstanding]),
  );
  expect(factOf(sheet.rows, '合计发放')).toBe(report.months.reduce((n, m) => n + m.issued, 0));
  expect(factOf(sheet.rows, '当前结余')).toBe(report.months[0]!.outstanding);
});

it("refuses another street's admin and volunteers; a wrong street or period writes nothing", async () => {
  const before = exportFiles(demo.cloud.storage.rootDir);
  const code = async (who: string, input: { streetId: string; months?: number }) => {
    const r = await demo.call('volunteering', who, 'exportPointsReport', input);
    return r.ok ? 'ok' : r.error.code;
  };
  expect(await code('demo-admin-lukou', { streetId: 'jn-moling' })).toBe('FORBIDDEN');
  expect(await code('demo-volunteer-zhao', { streetId: 'jn-moling' })).toBe('FORBIDDEN');
  expect(await code(MOLING_ADMIN, { streetId: 'jn-nowhere' })).toBe('NOT_FOUND');
  expect(await code(MOLING_ADMIN, { streetId: 'jn-moling', months: 0 })).toBe('INVALID_INPUT');
  expect(await code(MOLING_ADMIN, { streetId: 'jn-moling', months: 25 })).toBe('INVALID_INPUT');
  expect(exportFiles(demo.cloud.storage.rootDir)).toEqual(before);
});
