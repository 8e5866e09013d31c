/**
 * The demo's 爱心积分 (after volunteering, whose verified hours earn them): the creditPoints timer turns verified
 * hours into points, the 秣陵 street sets its rule, the two supermarkets put goods on the points shelf, 赵磊
 * reserves a bag of rice that staff hand over and a bottle of oil still waiting, and the street admin adds points
 * for 刘洋's and 赵磊's extra duty, each with a reason; both agree to be named on the yearly thank-you page. All
 * through the real functions.
 */
import type { LocalCloud } from '../localcloud/cloud';
import { callOk } from './call';

/** A demo person's user id. */
function userIdOf(cloud: LocalCloud, openid: string): string {
  const u = cloud.store.docs('users').find((d) => d.openid === openid);
  if (!u) throw new Error(`no demo person ${openid}`);
  return u._id as string;
}

/** Seeds the points; returns a summary. */
export async function seedPoints(cloud: LocalCloud): Promise<string> {
  await callOk(cloud, 'volunteering', 'demo-admin-moling', 'setPointRule', {
    streetId: 'jn-moling',
    pointsPerHour: 10,
    expiryYears: 2,
    starHours: [100, 300, 600, 1000, 1500],
  });
  const credited = await cloud.timers.fire('volunteering', 'creditPoints');
  if (!credited.ok) throw new Error(`creditPoints: ${credited.error.message}`);
  await callOk(cloud, 'volunteering', 'demo-admin-moling', 'adjustPoints', {
    targetUserId: userIdOf(cloud, 'demo-volunteer-liu'),
    delta: 30,
    reason: '暴雨夜协助转移独居老人',
    idempotencyKey: 'seed-points-adjust-liu',
  });
  await callOk(cloud, 'volunteering', 'demo-admin-moling', 'adjustPoints', {
    targetUserId: userIdOf(cloud, 'demo-volunteer-zhao'),
    delta: 50,
    reason: '担任应急演练志愿者队长',
    idempotencyKey: 'seed-points-adjust-zhao',
  });
  const molingStaff = 'demo-staff-hongye-1';
  let made = 0;
  const goods = async (
    openid: string,
    supermarketId: string,
    name: string,
    note: string,
    price: number,
    stock: number,
  ) =>
    callOk(cloud, 'charity', openid, 'addPointGoods', {
      supermarketId,
      name,
      note,
      pointsPrice: price,
      stock,
      idempotencyKey: `seed-point-goods-${++made}`,
    });
  const rice = await goods(molingStaff, 'jn-moling', '东北大米 5 斤', '每人每月限一袋', 10, 12);
  const oil = await goods(molingStaff, 'jn-moling', '花生油 1.8 升', '', 15, 6);
  // A partner merchant of 秣陵: 陈芳 works at the barber's and hands over its offer.
  const barber = await callOk(cloud, 'charity', 'demo-admin-moling', 'registerMerchant', {
    streetId: 'jn-moling',
    name: '老陈理发店',
    kind: '理发',
    address: '秣陵街道胜太路 12 号',
    staffPhones: ['13851700104'],
    idempotencyKey: 'seed-merchant-barber',
  });
  await callOk(cloud, 'charity', 'demo-resident-chen', 'addPointGoods', {
    supermarketId: 'jn-moling',
    merchantId: barber.id,
    name: '理发一次',
    note: '凭码理发，工作日 9:00–18:00',
    pointsPrice: 20,
    stock: 20,
    idempotencyKey: 'seed-merchant-haircut',
  });
  await goods(molingStaff, 'jn-moling', '保温杯', '', 60, 3);
  await goods('demo-staff-xinyuan-1', 'jn-lukou', '洗衣液 2 公斤', '', 20, 8);
  await goods('demo-staff-xinyuan-1', 'jn-lukou', '毛巾两条', '', 8, 15);
  const handed = await callOk(cloud, 'charity', 'demo-volunteer-zhao', 'redeem', {
    goodsId: rice.id,
    idempotencyKey: 'seed-redeem-zhao-rice',
  });
  await callOk(cloud, 'charity', molingStaff, 'handOver', { code: handed.code });
  await callOk(cloud, 'charity', 'demo-volunteer-zhao', 'redeem', {
    goodsId: oil.id,
    idempotencyKey: 'seed-redeem-zhao-oil',
  });
  // 赵磊 and 刘洋 agree to be named on the yearly thank-you page.
  for (const who of ['demo-volunteer-zhao', 'demo-volunteer-liu'])
    await callOk(cloud, 'volunteering', who, 'updateVolunteer', { publicThanks: true });
  const count = (c: string) => cloud.store.count(c, {});
  return `${count('points_entries')} points entries, ${count('charity_point_goods')} goods for points, ${count('charity_merchants')} partner merchant, 2 redemptions`;
}
