/**
 * 人员与角色's 导出表格 against the real account function: the list as filtered (80 and over) is exported, the
 * returned link is downloaded and opened in WeChat's viewer with its forward menu; the file holds the list's people.
 */
import { closePage, loadPage, tap, waitFor } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { tapExport } from '../../support/miniprogram/sheet';
import { tableOf } from '../../support/xlsx';

const PEOPLE = 'packages/account/pages/admin-people/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-admin-lukou');
});
afterAll(() => demo.close());

it('downloads and opens the exported list, as filtered', async () => {
  const page = await loadPage(PEOPLE);
  await waitFor(() => page.data.status === 'ready');
  await tap(page, '#age-2'); // 80 岁以上
  await waitFor(() => page.data.status === 'ready' && page.data.age === '80');
  const shown = (page.data.items as { title: string }[]).map((p) => p.title);
  expect(shown.length).toBeGreaterThan(0);

  const sheet = await tapExport(page, 'exportPeople');
  expect(sheet.input).toMatchObject({ query: '', minAge: 80 });
  const table = tableOf(sheet.rows, '昵称');
  expect(table.body).toHaveLength(sheet.data.rows);
  expect(table.body.map((r) => (r[1] ? `${String(r[0])}（${String(r[1])}）` : r[0]))).toEqual(shown);
  await closePage(page);
});
