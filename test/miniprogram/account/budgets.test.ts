/**
 * The first-render data budget (DESIGN.md: any page's first-render setData ≤ 32 KB), measured on every account
 * page with the largest demo data: the district admin, whose scope holds every community. The page's whole
 * data after it is ready bounds what its setData calls sent. `MULIN_REPORT_SIZES=1` prints the figures.
 */
import { Buffer } from 'node:buffer';
import { closePage, loadPage, waitFor } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';

const BUDGET = 32 * 1024;
const ADMIN = 'demo-admin-jiangning';

let demo: DemoCloud;
let someone = '';
beforeAll(async () => {
  demo = await startPageCloud(ADMIN);
  someone = String(demo.cloud.store.docs('users').find((u) => u.openid === 'demo-resident-wang')?._id);
});
afterAll(() => demo.close());

const pages = (): string[] => [
  'pages/home/index',
  'pages/mine/index',
  'packages/account/pages/profile/index',
  'packages/account/pages/family/index',
  'packages/account/pages/admin-communities/index',
  'packages/account/pages/admin-people/index',
  `packages/account/pages/admin-person/index?id=${someone}`,
  'packages/account/pages/admin-orgs/index',
  'packages/account/pages/admin-org-edit/index',
  'packages/account/pages/admin-register-elder/index',
];

it('keeps every account page’s first render under 32 KB', async () => {
  const sizes: Record<string, number> = {};
  for (const path of pages()) {
    switchUser(ADMIN);
    const page = await loadPage(path);
    await waitFor(() => page.data.status === 'ready');
    sizes[path.split('?')[0]] = Buffer.byteLength(JSON.stringify(page.data));
    await closePage(page);
  }
  if (process.env.MULIN_REPORT_SIZES) console.log(sizes);
  for (const [path, bytes] of Object.entries(sizes)) expect([path, bytes <= BUDGET]).toEqual([path, true]);
}, 60_000);
