/** account: roles within scope, organizations, the forbidden matrix for every admin action and every other role. */
import { startDemoCloud, type DemoCloud, type LazyCall } from '../../support/demo';

let demo: DemoCloud;
let id: (openid: string) => string;
beforeAll(async () => {
  demo = await startDemoCloud();
  id = (openid) => demo.seed.userIds[openid]!;
});
afterAll(() => demo.close());

const userDoc = (openid: string) => demo.cloud.store.docs('users').find((u) => u.openid === openid)!;

describe('every admin action is FORBIDDEN to every non-admin role', () => {
  const nonAdmins = [
    ['resident', 'demo-resident-zhang'],
    ['80+ resident', 'demo-resident-wang'],
    ['provider staff', 'demo-staff-xinyuan-1'],
  ] as const;
  const adminActions: LazyCall<'account'>[] = [
    { action: 'adminCommunities', input: () => ({}) },
    {
      action: 'grantRole',
      input: () => ({ targetUserId: id('demo-resident-chen'), targetRole: 'admin', scopeId: 'jn-dongshan' }),
    },
    {
      action: 'grantRole',
      input: () => ({
        targetUserId: id('demo-resident-chen'),
        targetRole: 'provider',
        orgId: demo.seed.orgIds.xinyuan,
      }),
    },
    {
      action: 'revokeRole',
      input: () => ({ targetUserId: id('demo-staff-xinyuan-1'), targetRole: 'provider', reason: '测试' }),
    },
    { action: 'searchUsers', input: () => ({ query: '' }) },
    { action: 'userDetail', input: () => ({ targetUserId: id('demo-resident-li') }) },
    {
      action: 'registerElder',
      input: () => ({
        realName: '某某',
        birthYear: 1940,
        communityId: 'jn-lukou-lukou',
        address: '某地某号',
        idempotencyKey: 'forbidden-1',
      }),
    },
    {
      action: 'adminLink',
      input: () => ({
        elderId: demo.seed.proxyElderId,
        relativeId: id('demo-resident-zhang'),
        relation: '亲属',
      }),
    },
    {
      action: 'createOrg',
      input: () => ({
        name: '某机构',
        communityIds: ['jn-lukou-lukou'],
        scopeId: 'jn-lukou',
        idempotencyKey: 'forbidden-org-1',
      }),
    },
    { action: 'updateOrg', input: () => ({ orgId: demo.seed.orgIds.xinyuan, name: '改名' }) },
  ];
  for (const [roleName, openid] of nonAdmins) {
    for (const { action: act, input: payload } of adminActions) {
      it(`${act} as ${roleName}`, async () => {
        const before =
          JSON.stringify(demo.cloud.store.docs('users')) +
          JSON.stringify(demo.cloud.store.docs('organizations'));
        const r = await demo.call('account', openid, act, payload());
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(
          JSON.stringify(demo.cloud.store.docs('users')) +
            JSON.stringify(demo.cloud.store.docs('organizations')),
        ).toBe(before);
      });
    }
  }
});

describe('scopes', () => {
  it('lets a street admin list only their street’s communities, in 3 round trips', async () => {
    const r = await demo.call('account', 'demo-admin-moling', 'adminCommunities');
    expect(r.ok && r.data.map((c) => c.id)).toEqual([
      'jn-moling-moling',
      'jn-moling-yinxiang',
      'jn-moling-jiangjunshan',
      'jn-moling-mozhou',
    ]);
    expect(r.roundTrips).toBe(3);
    const district = await demo.ok('account', 'demo-admin-jiangning', 'adminCommunities');
    expect(district).toHaveLength(13);
  });

  it('refuses cross-scope grants: a 禄口 admin cannot appoint in 秣陵 or staff 红叶', async () => {
    const admin = await demo.call('account', 'demo-admin-lukou', 'grantRole', {
      targetUserId: id('demo-resident-chen'),
      targetRole: 'admin',
      scopeId: 'jn-moling',
    });
    expect(admin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const staff = await demo.call('account', 'demo-admin-lukou', 'grantRole', {
      targetUserId: id('demo-resident-chen'),
      targetRole: 'provider',
      orgId: demo.seed.orgIds.hongye,
    });
    expect(staff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const detail = await demo.call('account', 'demo-admin-lukou', 'userDetail', {
      targetUserId: id('demo-resident-li'),
    });
    expect(detail).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const org = await demo.call('account', 'demo-admin-lukou', 'createOrg', {
      name: '越界机构',
      communityIds: ['jn-moling-moling'],
      scopeId: 'jn-moling',
      idempotencyKey: 'cross-org-1',
    });
    expect(org).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const mixed = await demo.call('account', 'demo-admin-lukou', 'createOrg', {
      name: '越界机构',
      communityIds: ['jn-lukou-lukou', 'jn-moling-moling'],
      scopeId: 'jn-lukou',
      idempotencyKey: 'cross-org-2',
    });
    expect(mixed).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'communityIds', message: 'jn-moling-moling' }] },
    });
    const search = await demo.ok('account', 'demo-admin-lukou', 'searchUsers', {
      query: '李',
    });
    expect(search.items.map((u) => u.id)).not.toContain(id('demo-resident-li'));
  });

  it('lets a street admin appoint a community admin in their street, recorded with who and when', async () => {
    const r = await demo.call('account', 'demo-admin-dongshan', 'grantRole', {
      targetUserId: id('demo-resident-chen'),
      targetRole: 'admin',
      scopeId: 'jn-dongshan-dongshan',
    });
    expect(r.ok && r.data.roles).toEqual([
      expect.objectContaining({ role: 'admin', scopeId: 'jn-dongshan-dongshan' }),
    ]);
    expect(r.roundTrips).toBe(3);
    const doc = userDoc('demo-resident-chen');
    expect(doc.roleHistory).toEqual([
      expect.objectContaining({
        kind: 'grant',
        role: 'admin',
        scopeId: 'jn-dongshan-dongshan',
        by: id('demo-admin-dongshan'),
        byName: '东山街道 陈干事',
        at: expect.any(Date),
      }),
    ]);
    // The new community admin cannot act on the street, nor on another community.
    const up = await demo.call('account', 'demo-resident-chen', 'grantRole', {
      targetUserId: id('demo-resident-zhang'),
      targetRole: 'admin',
      scopeId: 'jn-dongshan',
    });
    expect(up).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const again = await demo.call('account', 'demo-admin-dongshan', 'grantRole', {
      targetUserId: id('demo-resident-chen'),
      targetRole: 'admin',
      scopeId: 'jn-dongshan-dongshan',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('revokes with a reason, and refuses revoking one’s own last admin role', async () => {
    const r = await demo.call('account', 'demo-admin-dongshan', 'revokeRole', {
      targetUserId: id('demo-resident-chen'),
      targetRole: 'admin',
      scopeId: 'jn-dongshan-dongshan',
      reason: '岗位调整',
    });
    expect(r.ok && r.data.roles).toEqual([]);
    expect(userDoc('demo-resident-chen').roleHistory).toHaveLength(2);
    expect((userDoc('demo-resident-chen').roleHistory as { reason?: string }[])[1]).toMatchObject({
      kind: 'revoke',
      reason: '岗位调整',
    });
    const self = await demo.call('account', 'demo-admin-dongshan', 'revokeRole', {
      targetUserId: id('demo-admin-dongshan'),
      targetRole: 'admin',
      scopeId: 'jn-dongshan',
      reason: '离职',
    });
    expect(self).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('keeps staff to one organization', async () => {
    const r = await demo.call('account', 'demo-admin-jiangning', 'grantRole', {
      targetUserId: id('demo-staff-xinyuan-1'),
      targetRole: 'provider',
      orgId: demo.seed.orgIds.hongye,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('organizations', () => {
  it('are created once per idempotency key and listed to residents of the communities they serve', async () => {
    const payload = {
      name: '东山邻里互助社',
      description: '邻里互助',
      services: ['助洁'],
      communityIds: ['jn-dongshan-dongshan'],
      scopeId: 'jn-dongshan',
      idempotencyKey: 'org-key-123',
    };
    const a = await demo.ok('account', 'demo-admin-dongshan', 'createOrg', payload);
    const b = await demo.ok('account', 'demo-admin-dongshan', 'createOrg', payload);
    expect(a.id).toBe(b.id);
    expect(demo.cloud.store.count('organizations', { name: '东山邻里互助社' })).toBe(1);
    const seen = await demo.ok('account', 'demo-resident-chen', 'listOrgs');
    expect(seen.map((o) => o.name)).toEqual(['东山邻里互助社']);
    const adminView = await demo.ok('account', 'demo-admin-lukou', 'listOrgs');
    expect(adminView).toEqual([expect.objectContaining({ name: '心苑社会工作服务中心', staffCount: 2 })]);
  });

  it('show provider staff the organization they work for', async () => {
    const mine = await demo.ok('account', 'demo-staff-hongye-1', 'listOrgs', {
      mine: true,
    });
    expect(mine.map((o) => o.name)).toEqual(['南京红叶社会工作服务社']);
    expect(await demo.ok('account', 'demo-resident-wang', 'listOrgs', { mine: true })).toEqual([]);
  });

  it('change the communities they serve within their scope only, in 3 round trips', async () => {
    const moved = await demo.call('account', 'demo-admin-moling', 'updateOrg', {
      orgId: demo.seed.orgIds.hongye,
      communityIds: ['jn-moling-moling', 'jn-moling-mozhou'],
    });
    expect(moved.ok && moved.data.communityNames).toEqual(['秣陵社区', '秣周社区']);
    expect(moved.roundTrips).toBe(3);
    const outside = await demo.call('account', 'demo-admin-moling', 'updateOrg', {
      orgId: demo.seed.orgIds.hongye,
      communityIds: ['jn-moling-moling', 'jn-lukou-lukou'],
    });
    expect(outside).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ message: 'jn-lukou-lukou' }] },
    });
  });

  it('can be updated and deactivated by their scope’s admin only', async () => {
    const r = await demo.call('account', 'demo-admin-moling', 'updateOrg', {
      orgId: demo.seed.orgIds.hongye,
      active: false,
    });
    expect(r.ok && r.data.active).toBe(false);
    expect(
      await demo.call('account', 'demo-admin-lukou', 'updateOrg', {
        orgId: demo.seed.orgIds.hongye,
        active: true,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const staff = await demo.call('account', 'demo-admin-moling', 'grantRole', {
      targetUserId: id('demo-volunteer-zhao'),
      targetRole: 'provider',
      orgId: demo.seed.orgIds.hongye,
    });
    expect(staff).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await demo.ok('account', 'demo-admin-moling', 'updateOrg', {
      orgId: demo.seed.orgIds.hongye,
      active: true,
    });
  });
});

describe('personal data', () => {
  it('is masked in admin lists and full only in the detail for an admin of the person’s place', async () => {
    const list = await demo.ok('account', 'demo-admin-lukou', 'searchUsers', { query: '王' });
    const wang = list.items.find((u) => u.id === id('demo-resident-wang'))!;
    expect(wang.phoneMasked).toBe('138****0101');
    expect(JSON.stringify(list)).not.toContain('13851700101');
    const detail = await demo.ok('account', 'demo-admin-lukou', 'userDetail', {
      targetUserId: id('demo-resident-wang'),
    });
    expect(detail.phone).toBe('13851700101');
  });
});
