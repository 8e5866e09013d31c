/**
 * services: staff see their work orders nearest first from where they are now — a geoNear query on the orders'
 * 2dsphere-indexed place (declared in database.json), through the real function and the local cloud.
 */
import { communityCentre } from '../../../cloudfunctions/services/domain/places';
import { C, P, startServicesDemo, type ServicesDemo } from '../../support/services/demoServices';

let demo: ServicesDemo;
const STAFF = 'test-near-station-1';
const XINQIAO_RESIDENT = 'test-near-xinqiao-resident';
let lukouOrder: string;
let xinqiaoOrder: string;

beforeAll(async () => {
  demo = await startServicesDemo();
  await demo.addOrg(P.lukou, '禄口近邻服务站', [C.lukou, C.xinqiao], 'jn-lukou', [STAFF]);
  const meal = await demo.approvedItem(
    {
      name: '助餐送餐',
      category: '助餐',
      priceType: 'free',
      priceYuan: 0,
      eligibility: [],
      capacityPerSlot: 3,
      communityIds: [C.lukou, C.xinqiao],
    },
    STAFF,
  );
  await demo.person(XINQIAO_RESIDENT, {
    nickname: '新桥居民',
    communityId: C.xinqiao,
    address: '新桥村 8 号',
  });
  lukouOrder = (await demo.order(P.wang, meal, demo.slot(1))).id;
  xinqiaoOrder = (await demo.order(XINQIAO_RESIDENT, meal, demo.slot(1), { contactPhone: '13851700188' })).id;
}, 60_000);
afterAll(() => demo.close());

const at = (communityId: string) => {
  const { lat, lng } = communityCentre(communityId);
  return { latitude: lat, longitude: lng };
};

it('stores each order’s place as a GeoJSON point', () => {
  const stored = demo.cloud.store.docs('service_orders').find((d) => d._id === xinqiaoOrder);
  const { lat, lng } = communityCentre(C.xinqiao);
  expect(stored?.point).toEqual({ type: 'Point', coordinates: [lng, lat] });
});

it('lists the work orders nearest first from the staff member, with distances, in 2 round trips', async () => {
  const fromXinqiao = await demo.svc(STAFF, 'workOrders', {
    view: 'incoming',
    location: at(C.xinqiao),
  });
  expect(fromXinqiao.roundTrips).toBeLessThanOrEqual(2);
  const near = fromXinqiao.ok ? fromXinqiao.data.items : [];
  expect(near.map((o) => o.id)).toEqual([xinqiaoOrder, lukouOrder]);
  expect(near[0]!.distanceM).toBe(0);
  // 新桥 → 禄口 centres: about 5.9 km on the ground.
  expect(near[1]!.distanceM).toBeGreaterThan(5000);
  expect(near[1]!.distanceM).toBeLessThan(7000);

  const fromLukou = await demo.sok(STAFF, 'workOrders', {
    view: 'incoming',
    location: at(C.lukou),
  });
  expect(fromLukou.items.map((o) => o.id)).toEqual([lukouOrder, xinqiaoOrder]);

  // Without a location: by urgency as before, and no distances.
  const plain = await demo.sok(STAFF, 'workOrders', { view: 'incoming' });
  expect(plain.items.map((o) => o.id).sort()).toEqual([lukouOrder, xinqiaoOrder].sort());
  expect(plain.items.every((o) => o.distanceM === undefined)).toBe(true);
});

it('pages by distance, and refuses a location that is not one', async () => {
  const first = await demo.sok(STAFF, 'workOrders', {
    view: 'incoming',
    location: at(C.xinqiao),
    limit: 1,
  });
  const second = await demo.sok(STAFF, 'workOrders', {
    view: 'incoming',
    location: at(C.xinqiao),
    limit: 1,
    offset: 1,
  });
  expect([first.items[0]!.id, second.items[0]!.id]).toEqual([xinqiaoOrder, lukouOrder]);
  expect(
    await demo.svc(STAFF, 'workOrders', { view: 'incoming', location: { latitude: 200, longitude: 0 } }),
  ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});
