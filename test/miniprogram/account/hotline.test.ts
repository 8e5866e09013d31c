/**
 * Someone to call, against the real functions: 首页's hotline bar and 打电话给社区 tile ring the caller's own
 * community (wx.makePhoneCall with its number), a resident of another community gets theirs, a community with no
 * line of its own gets the street's 96890 (the order page's bar: services/home-booking.test.ts); the street admin
 * changes the number and the tiles on 我管理的社区 and residents see them.
 */
import { resetSession } from '../../../miniprogram/lib/session';
import {
  closePage,
  input,
  lastCall,
  loadPage,
  type LoadedPage,
  resetWxRecorder,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf, textsOf } from '../../../simulator/text';

const HOME = 'pages/home/index';
const BAR = '#hotline >>> #hotline-call';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-resident-wang');
});
afterAll(() => demo.close());
afterEach(() => resetSession());

const lineOf = (id: string) => demo.cloud.store.docs('places').find((p) => p._id === id)!.hotline as string;
const digits = (n: string) => n.replace(/-/g, '');

async function open(path: string, openid: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  switchUser(openid);
  resetWxRecorder();
  const page = await loadPage(path, query);
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error?.message ?? '').toBe('');
  return page;
}

it('rings her own community from the bar and from the tile; another community’s resident gets theirs', async () => {
  const wang = lineOf('jn-lukou-lukou');
  const page = await open(HOME, 'demo-resident-wang');
  await waitFor(() => page.querySelector('#hotline >>> #hotline-bar'));
  const bar = textOf(page, '#hotline >>> #hotline-bar');
  expect(bar).toContain('禄口社区电话');
  expect(bar).toContain(wang);
  await tap(page, BAR);
  expect(lastCall('makePhoneCall')).toMatchObject({ phoneNumber: digits(wang) });
  resetWxRecorder();
  await tap(page, '#tile-call');
  expect(lastCall('makePhoneCall')).toMatchObject({ phoneNumber: digits(wang) });
  await closePage(page);

  const li = await open(HOME, 'demo-resident-li');
  await waitFor(() => li.querySelector('#hotline >>> #hotline-bar'));
  expect(textOf(li, '#hotline >>> #hotline-bar')).toContain('秣陵社区电话');
  await tap(li, BAR);
  expect(lastCall('makePhoneCall')).toMatchObject({ phoneNumber: digits(lineOf('jn-moling-moling')) });
  expect(digits(lineOf('jn-moling-moling'))).not.toBe(digits(wang));
  await closePage(li);
});

it('lets the street admin change a community’s number and tiles; its residents get the new ones', async () => {
  const admin = await open('packages/account/pages/admin-communities/index', 'demo-admin-lukou');
  expect(textOf(admin, '#phone-jn-lukou-tongshan')).toBe('用街道电话 96890');
  await tap(admin, '#community-jn-lukou-tongshan');
  expect(textOf(admin, '#edit-title')).toContain('铜山社区');
  await input(admin, '#hotline', '025-1234');
  for (const chip of ['meal', 'cleaning', 'orders']) await tap(admin, `#chip-${chip}`);
  await tap(admin, '#save');
  await waitFor(() => admin.data.saving === false);
  expect(admin.data.errors.hotline).toContain('96890');
  await input(admin, '#hotline', '025-57112233');
  await tap(admin, '#save');
  await waitFor(() => admin.data.editing === null);
  expect(textOf(admin, '#phone-jn-lukou-tongshan')).toBe('社区电话 025-57112233');
  expect(textOf(admin, '#tiles-jn-lukou-tongshan')).toBe('首页：打电话给社区');
  await closePage(admin);

  await demo.ok('account', 'demo-resident-zhang', 'updateProfile', { communityId: 'jn-lukou-tongshan' });
  const home = await open(HOME, 'demo-resident-zhang');
  expect(textsOf(home, '.tile__label')).toEqual(['打电话给社区']);
  await tap(home, '#tile-call');
  expect(lastCall('makePhoneCall')).toMatchObject({ phoneNumber: '02557112233' });
  await closePage(home);
});
