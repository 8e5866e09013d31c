/** services: the menu — proposals by staff, review and editing by admins of the scope, what residents see. */
import type { ActionInput } from '../../../cloudfunctions/manifest';
import { C, key, P, startServicesDemo, type ServicesDemo } from '../../support/services/demoServices';

let demo: ServicesDemo;
beforeAll(async () => {
  demo = await startServicesDemo();
}, 60_000);
afterAll(() => demo.close());

type ItemInput = ActionInput<'services', 'proposeItem'>;

const proposal = (over: Partial<ItemInput> = {}): ItemInput => ({
  name: '上门理发',
  category: '助洁',
  description: '理发师带工具上门，剪发、修面',
  unit: '次',
  priceType: 'lowcost',
  priceYuan: 10,
  eligibility: [],
  communityIds: [C.lukou],
  capacityPerSlot: 3,
  durationMinutes: 40,
  idempotencyKey: key('p'),
  ...over,
});
const items = () => demo.cloud.store.docs('service_items');
const menuOf = async (openid: string, extra: ActionInput<'services', 'menu'> = {}) =>
  (await demo.sok(openid, 'menu', extra)).items.items.map((i) => i.name);

it('staff propose for communities their organization serves; once per key; nobody else may propose', async () => {
  const input = proposal();
  const first = await demo.svc(P.lin, 'proposeItem', input);
  expect(first).toMatchObject({
    ok: true,
    data: { status: 'proposed', statusText: '待审核', orgNames: ['心苑社会工作服务中心'] },
  });
  expect(first.roundTrips).toBeLessThanOrEqual(3);
  const again = await demo.sok(P.lin, 'proposeItem', input);
  expect(again.id).toBe(first.ok && first.data.id);
  expect(items().filter((d) => d.name === '上门理发')).toHaveLength(1);
  // Not on anyone's menu until approved.
  expect(await menuOf(P.wang)).not.toContain('上门理发');

  const before = items().length;
  expect(await demo.svc(P.song, 'proposeItem', proposal())).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: 'communityIds' }] },
  });
  expect(await demo.svc(P.wang, 'proposeItem', proposal())).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await demo.svc(P.lukou, 'proposeItem', proposal())).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await demo.svc(P.lin, 'proposeItem', proposal({ priceYuan: 0 }))).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: 'priceYuan' }] },
  });
  expect(await demo.svc(P.lin, 'proposeItem', proposal({ priceYuan: 10.005 }))).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(
    await demo.unchecked('services', P.lin, 'proposeItem', { ...proposal(), openid: 'demo-admin-lukou' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: 'openid' }] },
  });
  expect(
    await demo.unchecked('services', P.lin, 'proposeItem', { ...proposal(), status: 'approved' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(
    await demo.svc(P.lin, 'proposeItem', proposal({ description: '周末组织网络赌博活动' })),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONTENT_REJECTED' },
  });
  expect(items()).toHaveLength(before);
});

it('admins of the scope approve, reject with a reason, retire and restore; the proposer is told', async () => {
  const { id } = await demo.sok(P.lin, 'proposeItem', proposal({ name: '陪同散步' }));
  for (const who of [P.moling, P.dongshan, P.lin, P.wang]) {
    expect(await demo.svc(who, 'reviewItem', { itemId: id, decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
  expect(await demo.svc(P.lukou, 'reviewItem', { itemId: id, decision: 'reject' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  const rejected = await demo.svc(P.lukou, 'reviewItem', {
    itemId: id,
    decision: 'reject',
    reason: '与助行重复',
  });
  expect(rejected).toMatchObject({ ok: true, data: { status: 'rejected' } });
  expect(rejected.roundTrips).toBeLessThanOrEqual(3);
  expect(
    demo.cloud.outbox.list({ touser: P.lin, templateId: 'local-item_reviewed' }).at(-1)?.data,
  ).toMatchObject({
    thing1: { value: '陪同散步' },
    thing2: { value: '未通过：与助行重复' },
  });
  expect(await demo.svc(P.lukou, 'reviewItem', { itemId: id, decision: 'retire' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  // The district admin is over the street too.
  expect(await demo.sok(P.district, 'reviewItem', { itemId: id, decision: 'approve' })).toMatchObject({
    status: 'approved',
  });
  expect(await menuOf(P.wang)).toContain('陪同散步');
  expect(await menuOf(P.zhang)).toContain('陪同散步');
  expect(await menuOf(P.li)).not.toContain('陪同散步');
  await demo.sok(P.lukou, 'reviewItem', { itemId: id, decision: 'retire', reason: '本季度暂停' });
  expect(await menuOf(P.wang)).not.toContain('陪同散步');
  expect(await demo.svc(P.wang, 'itemDetail', { itemId: id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  await demo.sok(P.lukou, 'reviewItem', { itemId: id, decision: 'restore' });
  expect(await menuOf(P.wang)).toContain('陪同散步');
  const history = (await demo.sok(P.lukou, 'itemsToManage', {})).items.find((i) => i.id === id)!.history;
  expect(history.map((h) => [h.kind, h.byName])).toEqual([
    ['propose', '心苑 社工小林'],
    ['reject', '禄口街道 刘主任'],
    ['approve', '江宁区民政 周科长'],
    ['retire', '禄口街道 刘主任'],
    ['restore', '禄口街道 刘主任'],
  ]);
});

it('edits stay within the scope: communities need an organization serving them; organizations from the scope', async () => {
  const id = await demo.approvedItem({
    name: '助餐送餐',
    category: '助餐',
    priceType: 'voucher',
    priceYuan: 12,
    eligibility: ['age80'],
  });
  const hongye = demo.seed.orgIds.hongye;
  expect(
    await demo.svc(P.lukou, 'editItem', { itemId: id, communityIds: [C.lukou, C.moling] }),
  ).toMatchObject({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      issues: [{ path: 'communityIds', message: expect.stringContaining(C.moling) }],
    },
  });
  expect(
    await demo.svc(P.lukou, 'editItem', { itemId: id, orgIds: [demo.seed.orgIds.xinyuan, hongye] }),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await demo.svc(P.moling, 'editItem', { itemId: id, priceYuan: 1 })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await demo.svc(P.lin, 'editItem', { itemId: id, priceYuan: 1 })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const edited = await demo.svc(P.lukou, 'editItem', {
    itemId: id,
    communityIds: [C.lukou, C.xinqiao],
    priceYuan: 15,
    capacityPerSlot: 4,
  });
  expect(edited).toMatchObject({
    ok: true,
    data: { communityIds: [C.lukou, C.xinqiao], priceFen: 1500, capacityPerSlot: 4 },
  });
  expect(edited.roundTrips).toBeLessThanOrEqual(3);
  // The district admin may add 红叶 and 秣陵.
  await demo.sok(P.district, 'editItem', {
    itemId: id,
    orgIds: [demo.seed.orgIds.xinyuan, hongye],
    communityIds: [C.lukou, C.moling],
  });
  expect(await menuOf(P.li)).toContain('助餐送餐');
  const card = (await demo.sok(P.li, 'menu', { category: '助餐' })).items.items[0]!;
  expect(card).toMatchObject({
    priceText: '15 元，用补贴券抵扣',
    eligibilityText: '80 岁及以上老人可以预约',
    orgNames: ['心苑社会工作服务中心', '南京红叶社会工作服务社'],
  });
});

it('shows the menu by category, 20 a page, with counts per category on the first page', async () => {
  for (let k = 0; k < 21; k++)
    await demo.approvedItem({
      name: `心理陪伴${String(k).padStart(2, '0')}`,
      category: '心理慰藉',
      priceType: 'free',
      priceYuan: 0,
      eligibility: [],
    });
  const first = await demo.svc(P.zhang, 'menu', { category: '心理慰藉' });
  expect(first.roundTrips).toBeLessThanOrEqual(3);
  expect(first.ok && first.data.items.items).toHaveLength(20);
  expect(first.ok && first.data).toMatchObject({ communityName: '禄口社区', items: { next: 20 } });
  expect(first.ok && first.data.categories).toContainEqual({ category: '心理慰藉', count: 21 });
  const second = await demo.sok(P.zhang, 'menu', { category: '心理慰藉', offset: 20 });
  expect(second.items).toMatchObject({ next: null, items: [{ name: '心理陪伴20' }] });
  expect(second.categories).toBeUndefined();
  expect(await demo.svc(P.zhang, 'menu', { limit: 21 })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  // Another community's menu on request.
  expect((await demo.sok(P.zhang, 'menu', { communityId: C.moling })).communityName).toBe('秣陵社区');
});

it('the order form lists who the caller can order for, whether they qualify, and the places left', async () => {
  const id = await demo.approvedItem({
    name: '康复理疗',
    category: '康复护理',
    eligibility: ['age80'],
    capacityPerSlot: 2,
  });
  const forWang = await demo.svc(P.zhang, 'itemDetail', {
    itemId: id,
    beneficiaryId: demo.id(P.wang),
  });
  expect(forWang.roundTrips).toBe(1);
  expect(forWang.ok && forWang.data).toMatchObject({
    availableHere: true,
    beneficiaryId: demo.id(P.wang),
    hasPhoneOnFile: true,
    addressOnFileMasked: '江宁区禄口街****',
    beneficiaries: [
      {
        relation: '本人',
        nameMasked: '张*',
        eligible: false,
        eligibleText: '不符合条件：80 岁及以上老人才能预约',
      },
      { relation: '邻居', nameMasked: '王*', age: 84, eligible: true, eligibleText: '84 岁，可以预约' },
    ],
  });
  const slots = forWang.ok ? forWang.data.slots : [];
  expect(slots[0]).toEqual({ key: demo.slot(0, 'pm'), label: '6月1日 周一 下午', left: 2 });
  expect(slots).toHaveLength(27);
  expect(JSON.stringify(forWang)).not.toContain('花园路');
  // Not linked: refused. An admin of the place: ordering on someone's behalf.
  expect(await demo.svc(P.li, 'itemDetail', { itemId: id, beneficiaryId: demo.id(P.wang) })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await demo.sok(P.lukou, 'itemDetail', { itemId: id, beneficiaryId: demo.id(P.wang) })).toMatchObject(
    {
      beneficiaries: [{ relation: '本人' }, { relation: '代下单', eligible: true }],
    },
  );
  // Somewhere the item is not offered.
  expect(await demo.sok(P.li, 'itemDetail', { itemId: id })).toMatchObject({
    availableHere: false,
    slots: [],
  });
});

it('lists items to manage by role', async () => {
  await demo.sok(P.lin, 'proposeItem', proposal({ name: '代购药品', category: '助医' }));
  const admin = (await demo.sok(P.lukou, 'itemsToManage', { status: 'proposed' })).items;
  expect(admin.map((i) => i.name)).toContain('代购药品');
  expect(admin.every((i) => i.status === 'proposed')).toBe(true);
  expect((await demo.sok(P.he, 'itemsToManage', {})).items.map((i) => i.name)).toContain('代购药品');
  expect((await demo.sok(P.moling, 'itemsToManage', {})).items.map((i) => i.name)).not.toContain('代购药品');
  expect((await demo.sok(P.song, 'itemsToManage', {})).items.map((i) => i.name)).not.toContain('代购药品');
  expect(await demo.svc(P.wang, 'itemsToManage', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
