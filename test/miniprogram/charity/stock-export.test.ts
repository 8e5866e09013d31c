/**
 * 库存与对账's 导出表格 against the real charity function: the supermarket's staff export the lines on the page,
 * the link is downloaded and opened with the forward menu, and the file holds one row per card.
 */
import { closePage, loadPage, waitFor } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { tapExport } from '../../support/miniprogram/sheet';
import { tableOf } from '../../support/xlsx';

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

  const sheet = await tapExport(page, 'exportReconciliation');
  expect(sheet.input).toMatchObject({ supermarketId: 'jn-lukou' });
  expect(tableOf(sheet.rows, '物品').body.map((r) => [r[0], r[1], r[4]])).toEqual(cards);
  await closePage(page);
});
