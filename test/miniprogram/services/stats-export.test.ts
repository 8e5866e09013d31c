/**
 * 机构满意度's 导出表格 against the real services function: an admin exports the figures on the page, the link is
 * downloaded and opened with the forward menu, and the file holds one row per organization card.
 */
import { closePage, loadPage, waitFor } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { tapExport } from '../../support/miniprogram/sheet';
import { factOf, tableOf } from '../../support/xlsx';

const STATS = 'packages/services/pages/stats/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-admin-lukou', { full: true });
});
afterAll(() => demo.close());

it('downloads and opens the figures the page shows', async () => {
  const page = await loadPage(STATS);
  await waitFor(() => page.data.status === 'ready');
  expect(page.data.canExport).toBe(true);
  const cards = (page.data.orgs as { name: string; figures: { label: string; value: string }[] }[]).map(
    (o) => [o.name, Number(o.figures[0]!.value)],
  );
  expect(cards.length).toBeGreaterThan(0);

  const sheet = await tapExport(page, 'exportProviderStats');
  // Organization and services completed, as each card shows them.
  expect(tableOf(sheet.rows, '服务机构').body.map((r) => [r[0], r[1]])).toEqual(cards);
  expect(factOf(sheet.rows, '合计完成服务（次）')).toBe(cards.reduce((n, c) => n + Number(c[1]), 0));
  await closePage(page);
});
