/**
 * services under concurrency, through the local cloud's function host (up to 8 instances at once, as on
 * CloudBase): slot capacity is never exceeded, one accept wins, a voucher is never overdrawn nor charged twice.
 */
import { C, key, P, startServicesDemo, type ServicesDemo } from '../../support/services/demoServices';

let demo: ServicesDemo;
beforeAll(async () => {
  demo = await startServicesDemo();
}, 60_000);
afterAll(() => demo.close());

const item = (id: string) =>
  demo.cloud.store.docs('service_items').find((d) => d._id === id) as unknown as {
    slots: Record<string, Record<string, number>>;
  };
const codes = (replies: { ok: boolean; error?: { code: string } }[]) =>
  replies.reduce<Record<string, number>>((acc, r) => {
    const k = r.ok ? 'ok' : r.error!.code;
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

it('100 residents ordering one half day with K places: exactly K get one', async () => {
  const K = 7;
  const id = await demo.approvedItem({
    name: '社区义剪',
    category: '助洁',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: K,
  });
  const people = Array.from({ length: 100 }, (_x, i) => `test-crowd-${String(i).padStart(3, '0')}`);
  await Promise.all(
    people.map((openid, i) =>
      demo.person(openid, {
        nickname: `居民${i}`,
        communityId: C.lukou,
        address: `禄口社区花园路${i}号`,
        phone: `139${String(10_000_000 + i)}`,
      }),
    ),
  );
  const slot = demo.slot(2);
  const replies = await Promise.all(
    people.map((openid) =>
      demo.svc(openid, 'placeOrder', { itemId: id, slot, idempotencyKey: key('crowd') }),
    ),
  );
  expect(codes(replies)).toEqual({ ok: K, LIMIT_REACHED: 100 - K });
  expect(demo.cloud.store.count('service_orders', { itemId: id })).toBe(K);
  expect(item(id).slots[slot]).toEqual({ [demo.seed.orgIds.xinyuan]: K });
}, 120_000);

it('with two organizations, each gets at most its own places and the total is exactly theirs', async () => {
  const station = await demo.addOrg(P.lukou, '禄口居家养老服务站', [C.lukou], 'jn-lukou', ['test-station-a']);
  const id = await demo.approvedItem({
    name: '助餐送餐',
    category: '助餐',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 3,
  });
  await demo.sok(P.lukou, 'editItem', { itemId: id, orgIds: [demo.seed.orgIds.xinyuan, station] });
  const slot = demo.slot(3);
  const replies = await Promise.all(
    Array.from({ length: 40 }, (_x, i) =>
      demo.svc(`test-crowd-${String(i).padStart(3, '0')}`, 'placeOrder', {
        itemId: id,
        slot,
        idempotencyKey: key('two'),
      }),
    ),
  );
  expect(codes(replies)).toEqual({ ok: 6, LIMIT_REACHED: 34 });
  expect(item(id).slots[slot]).toEqual({ [demo.seed.orgIds.xinyuan]: 3, [station]: 3 });
  const byOrg = demo.cloud.store
    .docs('service_orders')
    .filter((d) => d.itemId === id)
    .map((d) => d.orgId);
  expect(byOrg.filter((o) => o === station)).toHaveLength(3);
}, 120_000);

it('20 staff accepting one order at once: exactly one gets it', async () => {
  const staff = Array.from({ length: 18 }, (_x, i) => `test-xinyuan-staff-${i}`);
  for (const openid of staff) {
    const userId = await demo.person(openid, {
      nickname: `心苑 护理员${openid.slice(-2)}`,
      communityId: C.lukou,
    });
    await demo.ok('account', P.lukou, 'grantRole', {
      targetUserId: userId,
      targetRole: 'provider',
      orgId: demo.seed.orgIds.xinyuan,
    });
  }
  const everyone = [P.lin, P.he, ...staff];
  const id = await demo.approvedItem({
    name: '陪同就医',
    category: '助医',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
  });
  const order = await demo.order(P.wang, id, demo.slot(4));
  const replies = await Promise.all(
    everyone.map((openid) => demo.svc(openid, 'acceptOrder', { orderId: order.id })),
  );
  expect(codes(replies)).toEqual({ ok: 1, CONFLICT: 19 });
  const winner = everyone[replies.findIndex((r) => r.ok)]!;
  const stored = demo.cloud.store.docs('service_orders').find((d) => d._id === order.id) as unknown as {
    staffId: string;
    timeline: { event: string }[];
  };
  expect(stored.staffId).toBe(demo.id(winner));
  expect(stored.timeline.filter((t) => t.event === 'accepted')).toHaveLength(1);
}, 120_000);

it('50 subsidized completions at once never overdraw the voucher, and each charge is on the ledger once', async () => {
  await demo.fire('monthlyVouchers'); // 王奶奶: 80 yuan for June
  const price = 10;
  const items = [
    await demo.approvedItem({
      name: '助洁上门',
      category: '助洁',
      priceYuan: price,
      eligibility: ['age80'],
      capacityPerSlot: 5,
    }),
    await demo.approvedItem({
      name: '助浴上门',
      category: '助浴',
      priceYuan: price,
      eligibility: ['age80'],
      capacityPerSlot: 5,
    }),
  ];
  const slots = Array.from({ length: 13 }, (_x, d) => [
    demo.slot(d + 1, 'am'),
    demo.slot(d + 1, 'pm'),
  ]).flat();
  const ids: string[] = [];
  for (let k = 0; k < 50; k++)
    ids.push((await demo.order(P.wang, items[k % 2]!, slots[Math.floor(k / 2)]!)).id);
  for (const orderId of ids) {
    await demo.sok(P.lin, 'acceptOrder', { orderId });
    await demo.sok(P.lin, 'checkIn', {
      orderId,
      location: { latitude: 31.737, longitude: 118.866 },
      reason: '老人约了提前上门', // days before the slot (checkin-evidence.test.ts covers the window)
    });
  }
  // Every completion at once, and a second tap on ten of them.
  const replies = await Promise.all(
    [...ids, ...ids.slice(0, 10)].map((orderId) =>
      demo.svc(P.lin, 'checkOut', { orderId, notes: '服务完成' }),
    ),
  );
  expect(codes(replies)).toEqual({ ok: 50, CONFLICT: 10 });
  const wallet = demo.cloud.store
    .docs('service_wallets')
    .find((d) => d.userId === demo.id(P.wang)) as unknown as {
    balanceFen: number;
    ledger: { kind: string; orderId?: string; amountFen: number }[];
    orderIds: string[];
  };
  const charges = wallet.ledger.filter((e) => e.kind === 'deduct');
  expect(wallet.balanceFen).toBeGreaterThanOrEqual(0);
  expect(charges).toHaveLength(8);
  expect(wallet.balanceFen).toBe(8000 - 8 * price * 100);
  expect(new Set(charges.map((c) => c.orderId)).size).toBe(8);
  // What the orders say matches the ledger exactly.
  const stored = demo.cloud.store
    .docs('service_orders')
    .filter((d) => ids.includes(d._id as string)) as unknown as {
    _id: string;
    status: string;
    subsidy: { status: string };
  }[];
  expect(stored.every((o) => o.status === 'completed')).toBe(true);
  expect(
    stored
      .filter((o) => o.subsidy.status === 'deducted')
      .map((o) => o._id)
      .sort(),
  ).toEqual(charges.map((c) => c.orderId).sort());
  expect(stored.filter((o) => o.subsidy.status === 'self_pay')).toHaveLength(42);
}, 120_000);
