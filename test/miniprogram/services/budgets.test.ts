/**
 * The first-render data budget (DESIGN.md: any page's first-render setData ≤ 32 KB) on every services page,
 * with the whole demo loaded (the services seed among it) and the people who see the most: the district admin (every community),
 * 王奶奶 (orders, vouchers) and 小林 (work orders). The page's whole data once ready bounds what its setData
 * calls sent. `MULIN_REPORT_SIZES=1` prints the figures.
 */
import { Buffer } from 'node:buffer';
import { closePage, loadPage, waitFor } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';

const BUDGET = 32 * 1024;

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-resident-wang', { full: true });
}, 180_000);
afterAll(() => demo.close());

it('keeps every services page’s first render under 32 KB', async () => {
  const orders = demo.cloud.store.docs('service_orders');
  const order = String(orders.find((o) => o.status === 'completed')!._id);
  const item = String(demo.cloud.store.docs('service_items').find((i) => i.name === '助浴上门')!._id);
  const visits: [string, string][] = [
    ['demo-resident-wang', 'pages/services/index'],
    ['demo-resident-zhang', `packages/services/pages/item/index?id=${item}`],
    ['demo-resident-wang', 'packages/services/pages/orders/index'],
    ['demo-admin-lukou', `packages/services/pages/order/index?id=${order}`],
    ['demo-resident-wang', 'packages/services/pages/ask/index'],
    ['demo-resident-wang', 'packages/services/pages/vouchers/index'],
    ['demo-staff-xinyuan-1', 'packages/services/pages/work/index'],
    ['demo-admin-jiangning', 'packages/services/pages/manage/index'],
    ['demo-admin-jiangning', 'packages/services/pages/demands/index'],
    ['demo-admin-jiangning', 'packages/services/pages/overdue/index'],
    ['demo-admin-jiangning', 'packages/services/pages/stats/index'],
  ];
  const sizes: Record<string, number> = {};
  for (const [who, path] of visits) {
    switchUser(who);
    const page = await loadPage(path);
    await waitFor(() => page.data.status === 'ready');
    sizes[path.split('?')[0]!] = Buffer.byteLength(JSON.stringify(page.data));
    await closePage(page);
  }
  if (process.env.MULIN_REPORT_SIZES) console.log(sizes);
  expect(Object.keys(sizes)).toHaveLength(11);
  for (const [path, bytes] of Object.entries(sizes)) expect([path, bytes <= BUDGET]).toEqual([path, true]);
}, 120_000);
