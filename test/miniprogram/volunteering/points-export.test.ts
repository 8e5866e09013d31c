/**
 * 爱心积分规则与报表's 导出表格 against the real volunteering function: the street admin exports the months the
 * page lists, the link is downloaded and opened with the forward menu, and the file holds those months.
 */
import { closePage, loadPage, waitFor } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { tapExport } from '../../support/miniprogram/sheet';
import { tableOf } from '../../support/xlsx';

const POINTS_ADMIN = 'packages/volunteering/pages/points-admin/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-admin-moling', { full: true });
});
afterAll(() => demo.close());

it('downloads and opens the months the page lists', async () => {
  const page = await loadPage(POINTS_ADMIN);
  await waitFor(() => page.data.status === 'ready');
  const months = (page.data.months as { title: string }[]).map((m) => m.title);
  expect(months.length).toBeGreaterThan(0);

  const sheet = await tapExport(page, 'exportPointsReport');
  expect(sheet.input).toMatchObject({ streetId: page.data.streetId, months: months.length });
  expect(tableOf(sheet.rows, '月份').body.map((r) => r[0])).toEqual(months);
  await closePage(page);
});
