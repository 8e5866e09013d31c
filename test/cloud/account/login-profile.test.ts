/** account: login and profile, through the local cloud with the real SDK. */
import { startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
});
afterAll(() => demo.close());

const users = () => demo.cloud.store.docs('users');

it('creates a user on first login from the WeChat identity only, and returns the same one after', async () => {
  const first = await demo.call('account', 'new-person-1', 'login');
  expect(first).toMatchObject({ ok: true, data: { isNew: true, roles: [] } });
  expect(first.roundTrips).toBe(2);
  const again = await demo.call('account', 'new-person-1', 'login');
  expect(again.ok && again.data).toMatchObject({ isNew: false, id: first.ok ? first.data.id : '' });
  expect(again.roundTrips).toBe(1);
});

it('makes one user when the first taps race', async () => {
  const replies = await Promise.all(Array.from({ length: 10 }, () => demo.call('account', 'racer', 'login')));
  const ids = new Set(replies.map((r) => (r.ok ? r.data.id : 'failed')));
  expect(ids.size).toBe(1);
  expect(users().filter((u) => u.openid === 'racer')).toHaveLength(1);
});

it('refuses identity fields in the event and writes nothing', async () => {
  const before = users().length;
  for (const field of ['openid', 'userId', 'role']) {
    const r = await demo.unchecked('account', 'new-person-2', 'login', { [field]: 'demo-admin-jiangning' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: field }] } });
  }
  expect(users().length).toBe(before);
  const r = await demo.unchecked('account', 'new-person-2', 'updateProfile', {
    nickname: 'x',
    openid: 'demo-admin-jiangning',
  });
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

it('does not let an event make anyone admin: only the deploy-time setting does', async () => {
  const r = await demo.ok('account', 'would-be-admin', 'login');
  expect(r.isAdmin).toBe(false);
  const admin = await demo.ok('account', 'demo-admin-jiangning', 'login');
  expect(admin.isAdmin).toBe(true);
  expect(admin.roles[0]).toMatchObject({ scopeId: 'jn', scopeName: '江宁区' });
  const history = users().find((u) => u.openid === 'demo-admin-jiangning')!.roleHistory as { by: string }[];
  expect(history).toEqual([expect.objectContaining({ kind: 'grant', by: 'bootstrap' })]);
});

it('edits the profile, returns the user’s own phone and real name in full, and moves them to a community', async () => {
  await demo.ok('account', 'profile-user', 'login');
  const r = await demo.call('account', 'profile-user', 'updateProfile', {
    nickname: '老周',
    phone: '13912345678',
    realName: '周大海',
    birthYear: 1940,
    communityId: 'jn-moling-yinxiang',
  });
  expect(r.ok && r.data).toMatchObject({
    nickname: '老周',
    phone: '13912345678',
    realName: '周大海',
    age: 86,
    placePath: ['jn', 'jn-moling', 'jn-moling-yinxiang'],
    placeNames: ['江宁区', '秣陵街道', '殷巷社区'],
  });
  expect(r.roundTrips).toBeLessThanOrEqual(3);
  const cleared = await demo.ok('account', 'profile-user', 'updateProfile', {
    phone: '',
  });
  expect(cleared.hasPhone).toBe(false);
  expect(users().find((u) => u.openid === 'profile-user')).not.toHaveProperty('phone');
});

it('rejects bad input with field paths and writes nothing', async () => {
  const before = JSON.stringify(users().find((u) => u.openid === 'profile-user'));
  const r = await demo.unchecked('account', 'profile-user', 'updateProfile', {
    nickname: '',
    phone: '12345',
    birthYear: 1800,
    extra: 1,
  });
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.issues!.map((i) => i.path).sort()).toEqual(['birthYear', 'extra', 'nickname', 'phone']);
    // In Chinese: plain words for a rule (marked generic, so a page may say it its own way), the contract's own
    // message for the phone as written.
    expect(r.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'nickname', message: '请填写', generic: true },
        { path: 'birthYear', message: '不能小于 1900', generic: true },
        { path: 'phone', message: '请输入 11 位手机号' },
      ]),
    );
  }
  expect(JSON.stringify(users().find((u) => u.openid === 'profile-user'))).toBe(before);
  const unknownCommunity = await demo.call('account', 'profile-user', 'updateProfile', {
    communityId: 'nowhere',
  });
  expect(unknownCommunity).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('refuses a risky nickname (content check) and keeps the old one', async () => {
  const r = await demo.call('account', 'profile-user', 'updateProfile', { nickname: '网络赌博' });
  expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
  expect(users().find((u) => u.openid === 'profile-user')!.nickname).toBe('老周');
});

it('asks an unknown caller to log in first', async () => {
  expect(await demo.call('account', 'never-logged-in', 'home')).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
  expect(await demo.unchecked('account', 'never-logged-in', 'nonsense')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
});

it('lists the place tree and shows home with the community and pending family requests', async () => {
  const places = await demo.ok('account', 'demo-resident-wang', 'places');
  expect(places.filter((p) => p.level === 'street').map((p) => p.id)).toEqual([
    'jn-lukou',
    'jn-dongshan',
    'jn-moling',
  ]);
  const home = await demo.call('account', 'demo-resident-wang', 'home');
  expect(home.ok && home.data).toMatchObject({ communityName: '禄口社区', pendingLinkRequests: 0 });
  // The caller, then the family requests and the places along their path side by side.
  expect(home.roundTrips).toBe(3);
});
