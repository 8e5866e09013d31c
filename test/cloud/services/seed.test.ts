/**
 * The services demo seed runs through the real functions and leaves a menu, vouchers, orders in every state, a
 * demand list with one line adopted — and puts the cloud's clock back. Checked in the whole demo as `npm start`
 * seeds it (the run's shared seed, seed/template.ts), not in a second seed of its own.
 */
import { partSummary, startDemoCloud, type DemoCloud } from '../../support/demo';
import { communityCentre } from '../../../cloudfunctions/services/domain/places';

let demo: DemoCloud;
let summary: string;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  summary = partSummary(demo, 'services');
}, 180_000);
afterAll(() => demo.close());

it('reports what it made and puts the clock back', () => {
  expect(summary).toMatch(/^24 menu items, 10 orders, \d+ vouchers, 4 demand lines, 1 service station$/);
  expect(demo.cloud.clock.offset()).toBe(0);
});

it('leaves orders in every state, made for oneself, by family and by an admin', () => {
  const orders = demo.cloud.store.docs('service_orders') as unknown as {
    status: string;
    via: string;
    escalatedAt?: Date;
    survey?: { by: string };
  }[];
  expect(new Set(orders.map((o) => o.status))).toEqual(
    new Set(['submitted', 'matched', 'accepted', 'in_service', 'completed', 'confirmed', 'cancelled']),
  );
  expect(new Set(orders.map((o) => o.via))).toEqual(new Set(['self', 'family', 'admin']));
  expect(orders.filter((o) => o.escalatedAt)).toHaveLength(1);
  expect(
    orders
      .filter((o) => o.survey)
      .map((o) => o.survey!.by)
      .sort(),
  ).toEqual(['phone', 'resident', 'resident']);
});

it('gives residents a menu per community and shows admins the callback list and satisfaction', async () => {
  const lukou = await demo.ok('services', 'demo-resident-wang', 'menu', {});
  expect(lukou.categories!.map((c) => c.category)).toEqual([
    '助餐',
    '助浴',
    '助洁',
    '助医',
    '康复护理',
    '心理慰藉',
  ]);
  expect(lukou.items.items.map((i) => i.name)).toContain('上门理发');
  expect(lukou.items.items.map((i) => i.name)).not.toContain('夏季送清凉');
  const moling = await demo.ok('services', 'demo-resident-li', 'menu', {});
  expect(moling.categories!.map((c) => c.category)).toEqual(['助行', '助医', '心理慰藉']);
  const callbacks = await demo.ok('services', 'demo-admin-lukou', 'adminOrders', {
    view: 'callback',
  });
  expect(callbacks.items.map((o) => o.itemName)).toEqual(['居家保洁']);
  const overdue = await demo.ok('services', 'demo-admin-moling', 'adminOrders', {
    view: 'overdue',
  });
  expect(overdue.items.map((o) => o.itemName)).toEqual(['助行陪同外出']);
  const stats = await demo.ok('services', 'demo-admin-jiangning', 'providerStats', {});
  expect(stats.find((s) => s.orgName === '心苑社会工作服务中心')).toMatchObject({
    completed: 2,
    surveyed: 1,
    avgRating: 5,
  });
  const wang = await demo.ok('services', 'demo-resident-wang', 'vouchers', {});
  expect(wang.months.flatMap((m) => m.entries.map((e) => e.kind))).toEqual(
    expect.arrayContaining(['grant', 'deduct', 'deduct']),
  );
});

it('gives every order its place as a GeoJSON point, for work orders by distance', () => {
  const orders = demo.cloud.store.docs('service_orders');
  expect(orders.length).toBeGreaterThan(0);
  for (const o of orders) {
    const { lat, lng } = communityCentre(o.communityId as string);
    expect(o.point).toEqual({ type: 'Point', coordinates: [lng, lat] });
  }
});
