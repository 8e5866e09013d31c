/**
 * 首页 against the real account function: greeting and community, family requests, a user without a community;
 * the 长辈模式 entry and the one-time "字太小？" question.
 */
import { resetSession } from '../../../miniprogram/lib/session';
import {
  ELDER_MODE_STORAGE_KEY,
  ELDER_PROMPT_STORAGE_KEY,
  isElderMode,
} from '../../../miniprogram/lib/elder-mode';
import {
  closePage,
  domByClass,
  fire,
  lastCall,
  loadPage,
  type LoadedPage,
  storage,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const HOME = 'pages/home/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-resident-wang');
});
afterAll(() => demo.close());
afterEach(() => resetSession());

async function ready(page: LoadedPage): Promise<void> {
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error?.message ?? '').toBe('');
}

it('greets the demo user by name and shows her community', async () => {
  const page = await loadPage(HOME);
  await ready(page);
  expect(textOf(page, '#greeting')).toMatch(
    /^(早上好|上午好|中午好|下午好|晚上好|您好|夜深了，注意休息).*，王奶奶$/,
  );
  expect(textOf(page, '#community')).toBe('江宁区 · 禄口街道 · 禄口社区');
  expect(page.querySelector('#choose-community')).toBeUndefined();
  // 张明's link is already confirmed in the demo: nothing waits for her.
  expect(page.querySelector('#section-family-requests')).toBeUndefined();
  expect(textOf(page, '#nothing-new')).toBe('暂时没有需要您处理的事情');
  await closePage(page);
});

it('shows a family request waiting for her, which opens the family page', async () => {
  const { code } = await demo.ok('account', 'demo-resident-wang', 'createLinkCode');
  await demo.ok('account', 'demo-resident-chen', 'requestLink', { code, relation: '侄女' });

  const page = await loadPage(HOME);
  await ready(page);
  const section = page.querySelector('#section-family-requests');
  expect(section).toBeDefined();
  expect(textOf(page, '#section-family-requests')).toContain('家人请求绑定您');
  expect(textOf(page, '#section-family-requests')).toContain('1 条');
  expect(page.querySelector('#nothing-new')).toBeUndefined();
  await tap(page, '#section-family-requests .section__item');
  expect(lastCall('navigateTo')).toEqual({ url: '/packages/account/pages/family/index' });
  await closePage(page);
});

it('asks a new user to choose a community first', async () => {
  switchUser('page-test-newcomer');
  const page = await loadPage(HOME);
  await ready(page);
  expect(textOf(page, '#greeting')).toMatch(/，微信用户$/);
  expect(page.querySelector('#community')).toBeUndefined();
  expect(textOf(page, '#choose-community')).toContain('请先选择您住在哪个社区');
  // login really created the record, from the gateway's identity.
  expect(demo.cloud.store.docs('users').some((u) => u.openid === 'page-test-newcomer')).toBe(true);
  await closePage(page);
});

it('asks once whether the text is too small, switches to 长辈模式, and offers the switch on 首页 after', async () => {
  storage().delete(ELDER_PROMPT_STORAGE_KEY);
  storage().delete(ELDER_MODE_STORAGE_KEY);
  const page = await loadPage(HOME);
  await ready(page);
  expect(textOf(page, '#ask-elder')).toContain('字太小？切换长辈模式');
  await tap(page, '#elder-yes');
  expect(isElderMode()).toBe(true);
  expect(storage().get(ELDER_MODE_STORAGE_KEY)).toBe(true);
  expect(domByClass(page, 'elder')).toEqual(domByClass(page, 'page'));
  expect(page.querySelector('#ask-elder')).toBeUndefined();
  await closePage(page);

  // Not asked again; the entry on 首页 turns it off.
  const again = await loadPage(HOME);
  await ready(again);
  expect(again.querySelector('#ask-elder')).toBeUndefined();
  expect(again.data.elderOn).toBe(true);
  await fire(again, '#elder-entry-switch', 'change', { value: false });
  expect(isElderMode()).toBe(false);
  expect(again.data.elderOn).toBe(false);
  expect(domByClass(again, 'elder')).toHaveLength(0);
  expect(storage().get(ELDER_MODE_STORAGE_KEY)).toBe(false);
  await closePage(again);
});
