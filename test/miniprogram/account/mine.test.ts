/** 我的 against the real account function: profile summary, roles and their entries, the elder-mode switch. */
import { ELDER_MODE_STORAGE_KEY, isElderMode, setElderMode } from '../../../miniprogram/lib/elder-mode';
import {
  closePage,
  domByClass,
  loadPage,
  type LoadedPage,
  storage,
  tap,
  waitFor,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf, textsOf } from '../../../simulator/text';
import { MINE_GROUPS } from '../../../miniprogram/pages/mine/entries';

const MINE = 'pages/mine/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-resident-wang');
});
afterAll(() => demo.close());

async function openMine(openid: string): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(MINE);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

describe('a resident', () => {
  let page: LoadedPage;
  beforeAll(async () => {
    page = await openMine('demo-resident-wang');
  });
  afterAll(async () => {
    await closePage(page);
    setElderMode(false);
  });

  it('shows her profile summary with masked data only', () => {
    expect(textOf(page, '#nickname')).toBe('王奶奶');
    expect(textOf(page, '#place')).toBe('江宁区 · 禄口街道 · 禄口社区');
    expect(textsOf(page, '#roles .me__tag')).toEqual(['居民']);
    expect(page.dom?.textContent).not.toContain('13851700101');
  });

  it('offers family linking but no admin or organization entries', () => {
    expect(textOf(page, '#group-life')).toContain('家人绑定');
    expect(page.querySelector('#group-admin')).toBeUndefined();
    expect(page.querySelector('#group-provider')).toBeUndefined();
  });

  it('turns elder mode on with the switch: bigger type on the page, remembered', async () => {
    expect(domByClass(page, 'elder')).toHaveLength(0);
    await tap(page, '#elder-switch');
    expect(isElderMode()).toBe(true);
    expect(page.data.elderOn).toBe(true);
    expect(domByClass(page, 'elder')).toEqual(domByClass(page, 'page'));
    expect(storage().get(ELDER_MODE_STORAGE_KEY)).toBe(true);
  });

  it('keeps elder mode after the app is opened again', async () => {
    await closePage(page);
    // A new launch: every module is loaded afresh and reads the remembered setting from storage.
    jest.resetModules();
    page = await openMine('demo-resident-wang');
    expect(page.data.elderOn).toBe(true);
    expect(domByClass(page, 'elder')).toEqual(domByClass(page, 'page'));
  });

  it('turns it off again by tapping the whole line, not only the switch', async () => {
    const fresh = jest.requireActual<typeof import('../../../miniprogram/lib/elder-mode')>(
      '../../../miniprogram/lib/elder-mode',
    );
    await tap(page, '#elder-cell');
    expect(page.data.elderOn).toBe(false);
    expect(fresh.isElderMode()).toBe(false);
    expect(domByClass(page, 'elder')).toHaveLength(0);
    expect(storage().get(ELDER_MODE_STORAGE_KEY)).toBe(false);
  });
});

it('shows an admin the community management entries', async () => {
  const page = await openMine('demo-admin-lukou');
  expect(textsOf(page, '#roles .me__tag')).toEqual(['居民', '管理员 · 禄口街道']);
  const admin = textOf(page, '#group-admin');
  for (const entry of ['我管理的社区', '人员与角色', '社会组织', '代老人登记'])
    expect(admin).toContain(entry);
  await closePage(page);
});

it('shows a role granted meanwhile when 我的 is shown again', async () => {
  const page = await openMine('demo-resident-chen');
  expect(page.querySelector('#group-admin')).toBeUndefined();
  await demo.ok('account', 'demo-admin-dongshan', 'grantRole', {
    targetUserId: demo.seed.userIds['demo-resident-chen']!,
    targetRole: 'admin',
    scopeId: 'jn-dongshan-dongshan',
  });
  (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
  await waitFor(() => page.querySelector('#group-admin') !== undefined);
  expect(textsOf(page, '#roles .me__tag')).toEqual(['居民', '管理员 · 东山社区']);
  await closePage(page);
});

it('shows provider staff their organization', async () => {
  const page = await openMine('demo-staff-xinyuan-1');
  expect(textsOf(page, '#roles .me__tag')).toEqual(['居民', '服务人员 · 心苑社会工作服务中心']);
  expect(textOf(page, '#group-provider')).toContain('心苑社会工作服务中心');
  expect(page.querySelector('#group-admin')).toBeUndefined();
  await closePage(page);
});

it('links every entry to a page app.json lists', async () => {
  const urls = MINE_GROUPS.flatMap((g) => g.entries.map((e) => e.url));
  expect(urls.length).toBeGreaterThan(4);
  for (const url of urls)
    await expect(wx.navigateTo({ url })).resolves.toMatchObject({ errMsg: 'navigateTo:ok' });
});
