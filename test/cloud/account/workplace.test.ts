/**
 * account.workplace: the counts on an admin's 我的 cover the places they administer only (a 秣陵 admin never
 * counts 禄口's work), agree with the admins' lists, and take two round trips; residents are refused.
 */
import { AT, P, key, startServicesDemo, type ServicesDemo } from '../../support/services/demoServices';

let demo: ServicesDemo;
let meal: string;
beforeAll(async () => {
  demo = await startServicesDemo();
  meal = await demo.approvedItem({
    name: '助餐送餐',
    category: '助餐',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 5,
  });
}, 60_000);
afterAll(() => demo.close());

const counts = (openid: string) => demo.ok('account', openid, 'workplace');

it('counts items waiting for approval and overdue orders in the admin scope only', async () => {
  const lukouBefore = await counts(P.lukou);
  const molingBefore = await counts(P.moling);
  await demo.sok(P.lin, 'proposeItem', {
    name: '理发上门',
    category: '助洁',
    description: '上门理发，自带工具',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    communityIds: ['jn-lukou-lukou'],
    capacityPerSlot: 2,
    durationMinutes: 30,
    idempotencyKey: key('item'),
  });
  await demo.order(P.wang, meal, demo.slot(2));
  // Two days on, nobody accepted: the order is overdue.
  demo.cloud.clock.set(new Date(AT.getTime() + 3 * 86_400_000));
  const lukou = await counts(P.lukou);
  expect(lukou.toApprove).toBe(lukouBefore.toApprove + 1);
  expect(lukou.overdue).toBe(lukouBefore.overdue + 1);
  // The badge agrees with the list the admin opens.
  const listed = await demo.sok(P.lukou, 'adminOrders', { view: 'overdue' });
  expect(listed.items).toHaveLength(lukou.overdue);
  // 秣陵's admin sees none of it.
  expect(await counts(P.moling)).toEqual(molingBefore);
  const { roundTrips } = await demo.call('account', P.lukou, 'workplace');
  expect(roundTrips).toBe(2);
  demo.cloud.clock.set(AT);
});

it('refuses people who administer nothing', async () => {
  const reply = await demo.call('account', P.wang, 'workplace');
  expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
