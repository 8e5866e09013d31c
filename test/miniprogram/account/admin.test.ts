/**
 * Admin pages against the real account function: a street admin sees their communities, finds a resident,
 * makes them staff of an organization and takes the role back with a reason; non-admins are refused.
 */
import { closePage, input, lastCall, loadPage, type LoadedPage, tap, waitFor } from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf, textsOf } from '../../../simulator/text';

const ADMIN = 'demo-admin-lukou';
const TARGET = 'demo-resident-zhang';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(ADMIN);
});
afterAll(() => demo.close());

const user = (openid: string) =>
  demo.cloud.store.docs('users').find((u) => u.openid === openid) as {
    _id: string;
    roles: { role: string; orgId?: string }[];
    roleHistory: { kind: string; reason?: string }[];
  };

async function open(path: string, openid = ADMIN): Promise<LoadedPage> {
  switchUser(openid);
  const page = await loadPage(path);
  await waitFor(() => page.data.status !== 'loading');
  return page;
}

it('lists the communities of the admin’s street with their residents', async () => {
  const page = await open('packages/account/pages/admin-communities/index');
  const stats = await demo.ok('account', ADMIN, 'adminCommunities');
  expect(new Set(stats.map((s) => s.streetName))).toEqual(new Set(['禄口街道']));
  expect(textOf(page, '#street-0')).toContain(`禄口街道 ${stats.length} 个社区`);
  expect(textOf(page, '#community-jn-lukou-lukou')).toMatch(
    /禄口社区\s*居民 \d+ 人\s*社区电话 025-\d{8}\s*首页：订餐、保洁、我的预约、打电话给社区\s*80 岁以上 [1-9]\d* 人/,
  );
  await closePage(page);
});

it('refuses the admin pages to a resident, in plain words', async () => {
  const page = await open('packages/account/pages/admin-people/index', 'demo-resident-wang');
  expect(page.data.status).toBe('error');
  expect(textOf(page, '#error')).toContain('只有管理员');
  await closePage(page);
});

describe('roles', () => {
  let orgId = '';
  beforeAll(async () => {
    const orgs = await demo.ok('account', ADMIN, 'listOrgs', {});
    orgId = orgs.find((o) => o.name === '心苑社会工作服务中心')!.id;
  });

  it('finds a resident by name and opens them', async () => {
    const page = await open('packages/account/pages/admin-people/index');
    await input(page, '#search', '张明');
    await tap(page, '#search-button');
    await waitFor(() => page.data.status === 'ready' && page.data.searched === '张明');
    expect(textsOf(page, '.person')).toEqual([expect.stringContaining('张明')]);
    expect(textOf(page, '#people')).toContain('138****0103');
    await tap(page, '#person-0');
    expect(lastCall('navigateTo')).toEqual({
      url: `/packages/account/pages/admin-person/index?id=${user(TARGET)._id}`,
    });
    await closePage(page);
  });

  it('makes them staff of an organization in the admin’s street', async () => {
    const page = await open(`packages/account/pages/admin-person/index?id=${user(TARGET)._id}`);
    expect(textOf(page, '#facts')).toContain('13851700103'); // in full: the admin serves them
    await tap(page, '#open-grant');
    await tap(page, '#grant-provider');
    expect(textOf(page, '#grant-sheet')).toContain('心苑社会工作服务中心');
    expect(textOf(page, '#grant-sheet')).not.toContain('南京红叶社会工作服务社'); // another street's
    await tap(page, `#choice-${orgId}`);
    await waitFor(() => page.data.roles.length === 1);

    expect(user(TARGET).roles).toEqual([expect.objectContaining({ role: 'provider', orgId })]);
    expect(textOf(page, '#roles')).toContain('服务人员 · 心苑社会工作服务中心');
    expect(textOf(page, '#history')).toMatch(
      /\d{4}年\d{1,2}月\d{1,2}日 设为 服务人员 · 心苑社会工作服务中心（我）/,
    );
    await closePage(page);
  });

  it('takes the role back only with a reason, and keeps the reason', async () => {
    const page = await open(`packages/account/pages/admin-person/index?id=${user(TARGET)._id}`);
    await tap(page, '#revoke-0');
    await tap(page, '#revoke-confirm');
    await waitFor(() => page.data.reasonError !== '');
    expect(textOf(page, '#reason')).toContain('请写明收回的原因');
    expect(user(TARGET).roles).toHaveLength(1);

    await input(page, '#reason', '调往其他机构');
    await tap(page, '#revoke-confirm');
    await waitFor(() => page.data.roles.length === 0);
    expect(user(TARGET).roles).toEqual([]);
    expect(user(TARGET).roleHistory.at(-1)).toMatchObject({ kind: 'revoke', reason: '调往其他机构' });
    expect(textOf(page, '#history')).toContain('原因：调往其他机构');
    await closePage(page);
  });
});

describe('organizations', () => {
  const orgs = () =>
    demo.cloud.store.docs('organizations') as {
      _id: string;
      name: string;
      active: boolean;
      communityIds: string[];
      scopeId: string;
    }[];

  it('lists the organizations of the street with staff counts', async () => {
    const page = await open('packages/account/pages/admin-orgs/index');
    expect(textsOf(page, '.org')).toEqual([expect.stringMatching(/心苑社会工作服务中心.*工作人员 2 人/)]);
    await closePage(page);
  });

  it('registers a new organization once, however often the button is tapped', async () => {
    const before = orgs().length;
    const page = await open('packages/account/pages/admin-org-edit/index');
    await input(page, '#name', '禄口邻里互助会');
    await input(page, '#services', '助餐、陪诊');
    await tap(page, '#save');
    await waitFor(() => !page.data.saving);
    expect(textOf(page, '#communities-error')).toBe('请至少选一个您管理的社区');
    expect(orgs()).toHaveLength(before);

    await tap(page, '#community-jn-lukou-lukou');
    await tap(page, '#community-jn-lukou-xinqiao');
    expect(page.data.chosenCount).toBe(2);
    await Promise.all([tap(page, '#save'), tap(page, '#save')]);
    await waitFor(() => !page.data.saving && orgs().length > before);
    const created = orgs().filter((o) => o.name === '禄口邻里互助会');
    expect(created).toEqual([
      expect.objectContaining({
        scopeId: 'jn-lukou',
        active: true,
        communityIds: ['jn-lukou-lukou', 'jn-lukou-xinqiao'],
      }),
    ]);
    await closePage(page);
  });

  it('stops an organization after confirmation', async () => {
    const org = orgs().find((o) => o.name === '禄口邻里互助会')!;
    const page = await open(`packages/account/pages/admin-org-edit/index?id=${org._id}`);
    expect(page.data.name).toBe('禄口邻里互助会');
    expect(page.data.communities.filter((c: { checked: boolean }) => c.checked)).toHaveLength(2);
    await tap(page, '#toggle-active');
    await waitFor(() => page.data.active === false);
    expect(orgs().find((o) => o._id === org._id)?.active).toBe(false);
    expect(textOf(page, '#inactive')).toBe('这个机构已停用');
    await closePage(page);
  });
});

describe('registering an elder', () => {
  const proxies = () =>
    demo.cloud.store.docs('users').filter((u) => u.kind === 'proxy') as unknown as {
      realName: string;
      communityId: string;
      phone?: string;
    }[];

  it('shows what is missing under each field and registers nothing', async () => {
    const before = proxies().length;
    const page = await open('packages/account/pages/admin-register-elder/index');
    await tap(page, '#community');
    expect(textOf(page, '#picker')).not.toContain('东山'); // only the admin's own street
    await tap(page, '#picker >>> #place-jn-lukou-tongshan');
    await input(page, '#realName', '赵桂芳');
    await input(page, '#birthYear', '38');
    await input(page, '#address', '铜山社区');
    await input(page, '#phone', '123');
    await tap(page, '#submit');
    await waitFor(() => !page.data.saving);
    expect(textOf(page, '#birthYear')).toContain('出生年份请填 4 位数字');
    expect(textOf(page, '#phone')).toContain('请输入 11 位手机号');
    expect(proxies()).toHaveLength(before);
    await closePage(page);
  });

  it('registers an elder without a phone in one of the admin’s communities, and links a neighbour to her', async () => {
    const before = proxies().length;
    const page = await open('packages/account/pages/admin-register-elder/index');
    await tap(page, '#community');
    await tap(page, '#picker >>> #place-jn-lukou-tongshan');
    expect(textOf(page, '#community')).toContain('禄口街道 · 铜山社区');
    await input(page, '#realName', '赵桂芳');
    await input(page, '#birthYear', '1938');
    await input(page, '#address', '铜山社区东街5号');
    await tap(page, '#submit');
    await waitFor(() => page.data.step === 'done');
    expect(textOf(page, '#done')).toContain('已为 赵桂芳 建立档案');
    expect(proxies()).toHaveLength(before + 1);
    expect(proxies().find((p) => p.realName === '赵桂芳')).toMatchObject({
      communityId: 'jn-lukou-tongshan',
    });
    expect(proxies().find((p) => p.realName === '赵桂芳')?.phone).toBeUndefined();

    // Then someone who may act for her: her neighbour 张明, found by name.
    await input(page, '#relative-search', '张明');
    await tap(page, '#relative-search-button');
    await waitFor(() => page.data.searchedOnce);
    await tap(page, '#link-button');
    expect(textOf(page, '#link-error')).toBe('请先在上面找到并选中一位');
    await tap(page, '#candidate-0');
    await input(page, '#link-relation', '邻居');
    await tap(page, '#link-button');
    await waitFor(() => page.data.linked.length === 1);
    expect(textOf(page, '#link')).toContain('已绑定 张明');
    const elderId = page.data.elderId as string;
    expect(demo.cloud.store.docs('family_links').filter((l) => l.elderId === elderId)).toEqual([
      expect.objectContaining({
        relativeId: user(TARGET)._id,
        relation: '邻居',
        status: 'active',
        via: 'admin',
      }),
    ]);
    await closePage(page);
  });
});
