/**
 * The demo's 爱心积分 (seed/points.ts), as people see them through the functions: 赵磊's points from verified
 * hours, a reservation handed over and one waiting; 刘洋's adjustment with its reason; the 秣陵 shop.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo?.close());

it("shows 赵磊's points earned from verified hours and spent on two reservations", async () => {
  const mine = await demo.ok('volunteering', 'demo-volunteer-zhao', 'myPoints', { offset: 0 });
  expect(mine.earned).toBeGreaterThan(0);
  expect(mine.entries.items.map((e) => e.kind)).toEqual(expect.arrayContaining(['earn', 'spend']));
  expect(mine.balance).toBe(mine.entries.items.reduce((s, e) => s + e.delta, 0));
  const held = await demo.ok('charity', 'demo-volunteer-zhao', 'myRedemptions', {});
  expect(held.items.map((r) => [r.goodsName, r.state])).toEqual([
    ['花生油 1.8 升', 'reserved'],
    ['东北大米 5 斤', 'handed'],
  ]);
});

it("shows 刘洋's adjustment with its reason, and the 秣陵 shop", async () => {
  const mine = await demo.ok('volunteering', 'demo-volunteer-liu', 'myPoints', { offset: 0 });
  expect(mine.entries.items[0]).toMatchObject({
    kind: 'adjust',
    reason: '暴雨夜协助转移独居老人',
    delta: 30,
  });
  const shop = await demo.ok('charity', 'demo-volunteer-liu', 'pointShop', {});
  expect(shop.supermarket?.name).toBe('秣陵街道慈善超市');
  expect(shop.goods.length).toBeGreaterThanOrEqual(4);
});
