/** services: the demand list (需求征集) — residents ask, requests add up per community and category, admins adopt. */
import type { ActionInput } from '../../../cloudfunctions/manifest';
import { C, key, P, startServicesDemo, type ServicesDemo } from '../../support/services/demoServices';

let demo: ServicesDemo;
beforeAll(async () => {
  demo = await startServicesDemo();
}, 60_000);
afterAll(() => demo.close());

const lines = () => demo.cloud.store.docs('service_demands');

it('adds up requests per community and category, one per resident', async () => {
  const first = await demo.svc(P.wang, 'requestService', {
    category: '其他',
    text: '希望有上门理发',
  });
  expect(first.roundTrips).toBeLessThanOrEqual(3);
  expect(first).toMatchObject({
    ok: true,
    data: { count: 1, askedByMe: true, communityName: '禄口社区', category: '其他' },
  });
  expect(first.ok && first.data.requests).toBeUndefined();
  const second = await demo.svc(P.zhang, 'requestService', {
    category: '其他',
    text: '老人理发不方便，能上门吗',
  });
  expect(second.roundTrips).toBeLessThanOrEqual(3);
  expect(second).toMatchObject({ ok: true, data: { count: 2, id: first.ok && first.data.id } });
  expect(await demo.svc(P.wang, 'requestService', { category: '其他', text: '再提一次' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  await demo.sok(P.li, 'requestService', { category: '其他', text: '秣陵也想要上门理发' });
  await demo.sok(P.wang, 'requestService', { category: '助行', text: '去医院复查需要轮椅陪同' });
  expect(lines()).toHaveLength(3);
  const before = lines().length;
  expect(await demo.svc(P.zhang, 'requestService', { category: '其他', text: '' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(
    await demo.unchecked('services', P.zhang, 'requestService', { category: '美食', text: '想吃烤鸭' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(
    await demo.svc(P.zhao, 'requestService', { category: '助洁', text: '有人搞网络赌博' }),
  ).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
  expect(lines()).toHaveLength(before);
  // Someone who has not chosen a community yet is asked to.
  await demo.ok('account', 'test-new-resident', 'login');
  expect(
    await demo.svc('test-new-resident', 'requestService', { category: '助洁', text: '想要擦窗' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: expect.stringContaining('选择') },
  });
});

it('shows residents their own community’s list with counts, and admins what people wrote in their scope, never who', async () => {
  const resident = await demo.svc(P.zhang, 'demands', {});
  expect(resident.roundTrips).toBeLessThanOrEqual(3);
  expect(resident.ok && resident.data.items.map((d) => [d.category, d.count, d.askedByMe])).toEqual([
    ['其他', 2, true],
    ['助行', 1, false],
  ]);
  expect(JSON.stringify(resident)).not.toContain('理发不方便');
  expect(await demo.svc(P.zhang, 'demands', { communityId: C.moling })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const admin = await demo.sok(P.lukou, 'demands', {});
  expect(admin.items[0]).toMatchObject({
    count: 2,
    requests: [{ text: '老人理发不方便，能上门吗' }, { text: '希望有上门理发' }],
  });
  expect(JSON.stringify(admin)).not.toContain(demo.id(P.wang));
  expect(admin.items.map((d) => d.communityName)).not.toContain('秣陵社区');
  expect((await demo.sok(P.district, 'demands', {})).items).toHaveLength(3);
});

it('an admin of the community turns a line into a menu item; everyone who asked is told', async () => {
  const line = (await demo.sok(P.lukou, 'demands', {})).items[0]!;
  const item: ActionInput<'services', 'adoptDemand'> = {
    demandId: line.id,
    name: '上门理发',
    category: '助洁',
    description: '理发师每周二上门',
    priceType: 'lowcost',
    priceYuan: 8,
    capacityPerSlot: 4,
    orgIds: [demo.seed.orgIds.xinyuan],
    idempotencyKey: key('adopt'),
  };
  expect(await demo.svc(P.moling, 'adoptDemand', item)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await demo.svc(P.wang, 'adoptDemand', item)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(
    await demo.svc(P.lukou, 'adoptDemand', { ...item, orgIds: [demo.seed.orgIds.hongye] }),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const adopted = await demo.svc(P.lukou, 'adoptDemand', item);
  expect(adopted.roundTrips).toBeLessThanOrEqual(4); // +1: the message kept in the recipient's message centre (common/notify)
  expect(adopted).toMatchObject({
    ok: true,
    data: { status: 'approved', fromDemand: true, communityIds: [C.lukou], priceText: '低偿 8 元' },
  });
  for (const who of [P.wang, P.zhang])
    expect(demo.cloud.outbox.list({ touser: who, templateId: 'local-demand_adopted' })).toEqual([
      expect.objectContaining({
        data: { thing1: { value: '上门理发' }, thing2: { value: '您提的需求已上架，可以预约了' } },
      }),
    ]);
  expect(demo.cloud.outbox.list({ touser: P.li, templateId: 'local-demand_adopted' })).toEqual([]);
  // The same tap again finishes the same item; another admin's attempt is refused.
  expect(await demo.sok(P.lukou, 'adoptDemand', item)).toMatchObject({
    id: adopted.ok && adopted.data.id,
  });
  expect(await demo.svc(P.district, 'adoptDemand', { ...item, idempotencyKey: key('adopt') })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect(demo.cloud.store.docs('service_items').filter((d) => d.name === '上门理发')).toHaveLength(1);
  const menu = await demo.sok(P.wang, 'menu', {});
  expect(menu.items.items).toContainEqual(expect.objectContaining({ name: '上门理发', fromDemand: true }));
  expect((await demo.sok(P.zhang, 'demands', { status: 'adopted' })).items).toEqual([
    expect.objectContaining({ status: 'adopted', itemId: adopted.ok && adopted.data.id }),
  ]);
});
