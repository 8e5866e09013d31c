/** account: elders registered by proxy, and family links by code (with the elder’s confirmation) or by an admin. */
import { startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
let id: (openid: string) => string;
beforeAll(async () => {
  demo = await startDemoCloud();
  id = (openid) => demo.seed.userIds[openid]!;
});
afterAll(() => demo.close());

it('links by code only after the elder confirms; either side can unlink; a relative can ask again', async () => {
  const { code } = await demo.ok('account', 'demo-resident-li', 'createLinkCode');
  expect(code).toMatch(/^\d{6}$/);
  expect(JSON.stringify(demo.cloud.store.docs('users'))).not.toContain(`"${code}"`);
  const asked = await demo.call('account', 'demo-resident-chen', 'requestLink', { code, relation: '女儿' });
  expect(asked.ok && asked.data.status).toBe('pending');
  expect(asked.roundTrips).toBeLessThanOrEqual(3);
  const linkId = asked.ok ? asked.data.id : '';
  const home = await demo.ok('account', 'demo-resident-li', 'home');
  expect(home.pendingLinkRequests).toBe(1);
  expect(
    await demo.call('account', 'demo-resident-chen', 'respondLink', { linkId, accept: true }),
  ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await demo.ok('account', 'demo-resident-li', 'respondLink', { linkId, accept: true })).toEqual({
    status: 'active',
  });
  const views = await demo.ok('account', 'demo-resident-chen', 'listLinks');
  expect(views).toContainEqual(
    expect.objectContaining({
      as: 'relative',
      status: 'active',
      other: expect.objectContaining({ realNameMasked: '李*', age: 82 }),
    }),
  );
  expect(JSON.stringify(views)).not.toContain('李建国');
  expect(
    await demo.call('account', 'demo-resident-chen', 'requestLink', { code, relation: '女儿' }),
  ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  await demo.ok('account', 'demo-resident-chen', 'unlink', { linkId });
  expect(
    await demo.ok('account', 'demo-resident-chen', 'requestLink', { code, relation: '女儿' }),
  ).toMatchObject({ status: 'pending' });
});

it('refuses an expired code, one’s own code, and a malformed one', async () => {
  const { code } = await demo.ok('account', 'demo-resident-wang', 'createLinkCode');
  expect(
    await demo.call('account', 'demo-resident-wang', 'requestLink', { code, relation: '本人' }),
  ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  demo.cloud.clock.advance(11 * 60_000);
  expect(
    await demo.call('account', 'demo-volunteer-zhao', 'requestLink', { code, relation: '邻居' }),
  ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(
    await demo.call('account', 'demo-volunteer-zhao', 'requestLink', { code: '12ab', relation: '邻居' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: 'code' }] },
  });
});

it('registers an elder without WeChat once per key, in scope only, and lets the admin link a carer', async () => {
  const payload = {
    realName: '钱月英',
    birthYear: 1936,
    communityId: 'jn-lukou-xinqiao',
    address: '江宁区禄口街道新桥社区新桥路1号',
    idempotencyKey: 'elder-qian-1',
  };
  const a = await demo.call('account', 'demo-admin-lukou', 'registerElder', payload);
  const b = await demo.ok('account', 'demo-admin-lukou', 'registerElder', payload);
  expect(a.ok && a.data).toMatchObject({ kind: 'proxy', age: 90 });
  expect(a.roundTrips).toBe(3);
  expect(a.ok && a.data.id).toBe(b.id);
  expect(demo.cloud.store.count('users', { realName: '钱月英' })).toBe(1);
  expect(
    await demo.call('account', 'demo-admin-moling', 'registerElder', {
      ...payload,
      idempotencyKey: 'elder-qian-2',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const link = await demo.call('account', 'demo-admin-lukou', 'adminLink', {
    elderId: b.id,
    relativeId: id('demo-resident-zhang'),
    relation: '邻居',
  });
  expect(link).toMatchObject({ ok: true, data: { status: 'active' } });
  expect(
    await demo.call('account', 'demo-admin-lukou', 'adminLink', {
      elderId: id('demo-resident-wang'),
      relativeId: id('demo-resident-zhang'),
      relation: '邻居',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(
    await demo.call('account', 'demo-admin-dongshan', 'adminLink', {
      elderId: b.id,
      relativeId: id('demo-resident-chen'),
      relation: '邻居',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
