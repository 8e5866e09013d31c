/**
 * 库存与对账's 导出表格 against the real charity function: the supermarket's staff export the lines on the page,
 * the link is downloaded and opened with the forward menu, and the file holds one row per card.
 */
import { closePage, cloudCalls, loadPage, tap, tempFile, waitFor, wxCalls } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { readSheet, tableOf } from '../../support/xlsx';

const RECONCILE = 'packages/charity/pages/reconcile/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-staff-xinyuan-1', { full: true });
});
afterAll(() => demo.close());

it('downloads and opens the lines the page shows', async () => {
  const page = await loadPage(RECONCILE, { id: 'jn-lukou' });
  await waitFor(() => page.data.status === 'ready');
  const cards = (page.data.lines as { item: string; unit: string; expected: number }[]).map((l) => [
    l.item,
    l.unit,
    l.expected,
  ]);
  expect(cards.length).toBeGreaterThan(0);

  await tap(page, '#export');
  const opened = await waitFor(() => wxCalls('openDocument')[0]);
  const exported = cloudCalls().find((c) => (c.data as { action: string }).action === 'exportReconciliation');
  expect(exported?.data).toMatchObject({ supermarketId: 'jn-lukou' });
  const reply = exported?.result as { ok: true; data: { url: string } };
  expect(reply.ok).toBe(true);
  expect(wxCalls('downloadFile').map((c) => c.args)).toEqual([{ url: reply.data.url }]);
  const args = opened.args as { filePath: string; fileType: string; showMenu: boolean };
  expect(args).toMatchObject({ fileType: 'xlsx', showMenu: true });

  const sheet = await readSheet(tempFile(args.filePath)!);
  expect(tableOf(sheet.rows, '物品').body.map((r) => [r[0], r[1], r[4]])).toEqual(cards);
  await closePage(page);
});
