/**
 * 人员与角色's filters against the real account function: an admin narrows the people of their scope to 80 and
 * over, then to provider staff; tapping a chosen filter again goes back to 全部.
 */
import { closePage, loadPage, tap, waitFor } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';

const PEOPLE = 'packages/account/pages/admin-people/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-admin-lukou');
});
afterAll(() => demo.close());

it('narrows the list by age and role, and back', async () => {
  const page = await loadPage(PEOPLE);
  await waitFor(() => page.data.status === 'ready');
  const everyone = page.data.items.length;
  const ages = () => (page.data.items as { description: string }[]).map((p) => p.description);

  await tap(page, '#age-2'); // 80 岁以上
  await waitFor(() => page.data.status === 'ready' && page.data.age === '80');
  expect(page.data.items.length).toBeGreaterThan(0);
  expect(page.data.items.length).toBeLessThan(everyone);
  for (const line of ages()) expect(Number(/(\d+) 岁/.exec(line)?.[1])).toBeGreaterThanOrEqual(80);

  await tap(page, '#age-2');
  await tap(page, '#role-2'); // 服务人员
  await waitFor(() => page.data.status === 'ready' && page.data.role === 'provider' && page.data.age === '');
  expect(page.data.items.length).toBeGreaterThan(0);
  for (const line of ages()) expect(line).toContain('服务人员');
  await closePage(page);
});
