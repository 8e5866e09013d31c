/**
 * services timers through the local cloud: re-matching after the acceptance deadline, escalation to the admin,
 * work-order and escalation messages, manual assignment, monthly vouchers, pruning of past slot counters.
 */
import type { RematchSummary } from '../../../cloudfunctions/services/timers/rematch';
import { C, P, startServicesDemo, type ServicesDemo } from '../../support/services/demoServices';
import { beijing } from '../../support/beijing';

let demo: ServicesDemo;
let bath: string;
let meal: string;
let station: string;
beforeAll(async () => {
  demo = await startServicesDemo();
  bath = await demo.approvedItem();
  station = await demo.addOrg(P.lukou, '禄口居家养老服务站', [C.lukou], 'jn-lukou', ['test-station-1']);
  meal = await demo.approvedItem({
    name: '助餐送餐',
    category: '助餐',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 3,
  });
  await demo.sok(P.lukou, 'editItem', { itemId: meal, orgIds: [demo.seed.orgIds.xinyuan, station] });
}, 60_000);
afterAll(() => demo.close());

const detail = (id: string) => demo.sok(P.lukou, 'orderDetail', { orderId: id });
const placesTaken = (itemId: string, slot: string) =>
  Object.values(
    (
      demo.cloud.store.docs('service_items').find((d) => d._id === itemId) as unknown as {
        slots: Record<string, Record<string, number>>;
      }
    ).slots[slot] ?? {},
  ).reduce((a, b) => a + b, 0);

it('tells the organization’s staff about new work orders, once', async () => {
  demo.cloud.clock.set(beijing('2026-06-01T09:00:00'));
  await demo.order(P.wang, bath, demo.slot(3));
  const run = await demo.fire<RematchSummary>('rematch');
  expect(run.staffTold).toBe(2);
  for (const staff of [P.lin, P.he])
    expect(demo.cloud.outbox.list({ touser: staff, templateId: 'local-work_order' })).toEqual([
      expect.objectContaining({
        data: { thing1: { value: '心苑社会工作服务中心' }, thing2: { value: '1 个新工单等待接单' } },
      }),
    ]);
  expect(demo.cloud.outbox.list({ touser: P.song, templateId: 'local-work_order' })).toEqual([]);
  expect((await demo.fire<RematchSummary>('rematch')).staffTold).toBe(0);
});

it('re-matches an order nobody accepted in time, then escalates it to the street admin', async () => {
  demo.cloud.clock.set(beijing('2026-06-01T09:00:00'));
  const order = await demo.order(P.zhang, meal, demo.slot(5));
  const first = order.orgName!;
  demo.cloud.clock.set(beijing('2026-06-01T11:01:00'));
  await demo.fire('rematch');
  const moved = await detail(order.id);
  expect(moved).toMatchObject({ status: 'matched', escalated: false });
  expect(moved.orgName).not.toBe(first);
  expect(moved.timeline.slice(-2).map((t) => [t.event, t.byName])).toEqual([
    ['sla_expired', '系统'],
    ['matched', '系统'],
  ]);
  expect(moved.timeline.at(-2)!.text).toBe(`${first} 没有及时接单，正在重新安排`);
  expect(placesTaken(meal, demo.slot(5))).toBe(1);
  demo.cloud.clock.set(beijing('2026-06-01T13:02:00'));
  const run = await demo.fire<RematchSummary>('rematch');
  expect(run.adminsTold).toBeGreaterThanOrEqual(1);
  const stuck = await detail(order.id);
  expect(stuck).toMatchObject({ status: 'submitted', escalated: true, can: { assign: true } });
  // The admin is offered the organizations that provide the item there (even those that lapsed: they can phone).
  expect(stuck.assignable!.map((o) => o.name).sort()).toEqual(
    ['心苑社会工作服务中心', '禄口居家养老服务站'].sort(),
  );
  expect((await demo.sok(P.zhang, 'orderDetail', { orderId: order.id })).assignable).toBeUndefined();
  expect(stuck.timeline.at(-1)).toMatchObject({ event: 'unmatched' });
  expect(placesTaken(meal, demo.slot(5))).toBe(0);
  // The street admin (the most local admin of 禄口社区) is told, not the district.
  expect(
    demo.cloud.outbox
      .list({ touser: P.lukou, templateId: 'local-order_escalated' })
      .map((m) => m.data.thing1.value),
  ).toContain('助餐送餐');
  expect(demo.cloud.outbox.list({ touser: P.district, templateId: 'local-order_escalated' })).toEqual([]);
  // Told once.
  const told = demo.cloud.outbox.list({ touser: P.lukou, templateId: 'local-order_escalated' }).length;
  await demo.fire('rematch');
  expect(demo.cloud.outbox.list({ touser: P.lukou, templateId: 'local-order_escalated' })).toHaveLength(told);

  // The admin phones an organization and assigns it by hand; others may not.
  expect(await demo.svc(P.moling, 'assignOrder', { orderId: order.id, orgId: station })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(await demo.svc(P.zhang, 'assignOrder', { orderId: order.id, orgId: station })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(
    await demo.svc(P.lukou, 'assignOrder', { orderId: order.id, orgId: demo.seed.orgIds.hongye }),
  ).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  const assigned = await demo.svc(P.lukou, 'assignOrder', { orderId: order.id, orgId: station });
  expect(assigned.roundTrips).toBeLessThanOrEqual(3);
  expect(assigned).toMatchObject({ ok: true, data: { status: 'matched', orgName: '禄口居家养老服务站' } });
  expect(assigned.ok && assigned.data.timeline.at(-1)).toMatchObject({
    event: 'assigned',
    byName: '禄口街道 刘主任',
  });
  expect(placesTaken(meal, demo.slot(5))).toBe(1);
  expect(await demo.svc(P.lukou, 'assignOrder', { orderId: order.id, orgId: station })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  // Accepting clears the escalation.
  expect(await demo.sok('test-station-1', 'acceptOrder', { orderId: order.id })).toMatchObject({
    status: 'accepted',
    escalated: false,
  });
});

it('escalates an order still not accepted close to its half day', async () => {
  demo.cloud.clock.set(beijing('2026-06-02T12:00:00'));
  const order = await demo.order(P.wang, bath, '2026-06-02/pm');
  expect(order.acceptDeadline).toMatch(/^2026-06-02T05:00/); // 13:00 in Beijing, half an hour before the slot
  const run = await demo.fire<RematchSummary>('rematch');
  expect(run.escalated).toBeGreaterThanOrEqual(1);
  expect(await detail(order.id)).toMatchObject({
    status: 'matched',
    escalated: true,
    timeline: expect.arrayContaining([
      expect.objectContaining({ event: 'escalated', note: '临近服务时间，机构还没有接单' }),
    ]),
  });
  const overdue = await demo.sok(P.lukou, 'adminOrders', { view: 'overdue' });
  expect(overdue.items.map((o) => o.id)).toContain(order.id);
});

it('grants monthly vouchers to eligible residents once a month; last month’s remainder lapses', async () => {
  demo.cloud.clock.set(beijing('2026-06-01T00:05:00'));
  const june = await demo.fire<{ month: string; granted: number; totalFen: number }>('monthlyVouchers');
  expect(june.month).toBe('2026-06');
  const wallets = () =>
    demo.cloud.store.docs('service_wallets') as unknown as {
      userId: string;
      month: string;
      balanceFen: number;
    }[];
  const holders = wallets().map((w) => w.userId);
  expect(holders).toEqual(expect.arrayContaining([demo.id(P.wang), demo.id(P.li), demo.seed.proxyElderId]));
  expect(holders).not.toContain(demo.id(P.zhang));
  expect(june.totalFen).toBe(june.granted * 8000);
  expect((await demo.fire<{ granted: number }>('monthlyVouchers')).granted).toBe(0);
  expect(wallets()).toHaveLength(june.granted);
  demo.cloud.clock.set(beijing('2026-07-01T00:05:00'));
  expect((await demo.fire<{ granted: number }>('monthlyVouchers')).granted).toBe(june.granted);
  const view = await demo.sok(P.wang, 'vouchers');
  expect(view).toMatchObject({ eligible: true, monthlyFen: 8000, balanceFen: 8000 });
  expect(view.months.map((m) => [m.month, m.balanceFen, m.expiredFen])).toEqual([
    ['2026-07', 8000, 0],
    ['2026-06', 8000, 8000],
  ]);
});

it('drops slot counters of past days', async () => {
  demo.cloud.clock.set(beijing('2026-06-20T03:00:00'));
  const before = Object.keys(
    (demo.cloud.store.docs('service_items').find((d) => d._id === bath) as unknown as { slots: object })
      .slots,
  );
  expect(before.length).toBeGreaterThan(0);
  const run = await demo.fire<{ items: number; slots: number }>('pruneSlots');
  expect(run.slots).toBeGreaterThanOrEqual(before.length);
  expect(
    (demo.cloud.store.docs('service_items').find((d) => d._id === bath) as unknown as { slots: object })
      .slots,
  ).toEqual({});
});
