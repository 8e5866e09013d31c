/**
 * 爱心积分规则与报表's 导出表格 against the real volunteering function: the street admin exports the months the
 * page lists, the link is downloaded and opened with the forward menu, and the file holds those months.
 */
import { closePage, cloudCalls, loadPage, tap, tempFile, waitFor, wxCalls } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { readSheet, tableOf } from '../../support/xlsx';

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

  await tap(page, '#export');
  const opened = await waitFor(() => wxCalls('openDocument')[0]);
  const exported = cloudCalls().find((c) => (c.data as { action: string }).action === 'exportPointsReport');
  expect(exported?.data).toMatchObject({ streetId: page.data.streetId, months: months.length });
  const reply = exported?.result as { ok: true; data: { url: string } };
  expect(reply.ok).toBe(true);
  expect(wxCalls('downloadFile').map((c) => c.args)).toEqual([{ url: reply.data.url }]);
  const args = opened.args as { filePath: string; fileType: string; showMenu: boolean };
  expect(args).toMatchObject({ fileType: 'xlsx', showMenu: true });

  const sheet = await readSheet(tempFile(args.filePath)!);
  expect(tableOf(sheet.rows, '月份').body.map((r) => r[0])).toEqual(months);
  await closePage(page);
});
