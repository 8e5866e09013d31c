/**
 * 提议服务项目 against the real services function: staff of an organization propose a menu item for communities it
 * serves; it waits as `proposed` for the community, which approves it onto the menu. Missing fields are said under
 * them and nothing is written.
 */
import { closePage, input, loadPage, tap, waitFor } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const PROPOSE = 'packages/services/pages/propose/index';
const STAFF = 'demo-staff-xinyuan-1';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(STAFF, { full: true });
}, 180_000);
afterAll(() => demo.close());

const items = () => demo.cloud.store.docs('service_items');

it('proposes an item the community then approves', async () => {
  switchUser(STAFF);
  const page = await loadPage(PROPOSE);
  await waitFor(() => page.data.status === 'ready');
  const before = items().length;
  await tap(page, '#send');
  expect(textOf(page, '#category-error')).toBe('请选一类');
  expect(items().length).toBe(before);

  await input(page, '#name', '上门修脚');
  await tap(page, '#category-3');
  await tap(page, '#price-lowcost');
  await input(page, '#price', '15');
  await tap(page, '#send');
  await waitFor(() => page.data.sent !== '');
  expect(textOf(page, '#sent')).toContain('社区审核通过后');
  const made = items().find((i) => i.name === '上门修脚')!;
  expect(made).toMatchObject({ status: 'proposed', priceType: 'lowcost', priceFen: 1500 });
  await closePage(page);

  const admin = (made.scopePath as string[]).includes('jn-lukou') ? 'demo-admin-lukou' : 'demo-admin-moling';
  const approved = await demo.ok('services', admin, 'reviewItem', {
    itemId: String(made._id),
    decision: 'approve',
  });
  expect(approved.status).toBe('approved');
});

it('tells someone who is not staff that proposing is for organizations', async () => {
  switchUser('demo-resident-wang');
  const page = await loadPage(PROPOSE);
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.status).not.toBe('ready');
  await closePage(page);
});
