/**
 * 年度感谢 against the real function: the community's year (hours, volunteers, activities), the volunteers who
 * agreed to be named (surname only), and a volunteer agreeing on the page.
 */
import { closePage, loadPage, tap, waitFor } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-volunteer-gu', { full: true });
}, 180_000);
afterAll(() => demo.close());

it('shows the year and lets a volunteer agree to be named', async () => {
  switchUser('demo-volunteer-gu');
  const page = await loadPage('packages/volunteering/pages/thanks/index', {
    communityId: 'jn-moling-moling',
  });
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#title')).toContain('秣陵社区');
  expect(Number(textOf(page, '#volunteers'))).toBeGreaterThan(0);
  expect(textOf(page, '#top')).toContain('赵*');
  expect(page.data.agreed).toBe(false);
  const gu = () => demo.cloud.store.docs('volunteers').find((v) => v.openid === 'demo-volunteer-gu')!;
  await tap(page, '#agree');
  await waitFor(() => gu().publicThanks === true);
  await closePage(page);
});
