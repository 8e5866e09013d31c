/**
 * 积分兑换物品 pictures: the 秣陵 supermarket's staff with goods on the shelf; the demo barber's staff with its
 * offer; someone who is not staff.
 */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The demo's partner merchant. */
const barber = (demo: PreviewDemo) =>
  (demo.cloud.store.docs('charity_merchants').find((m) => m.name === '老陈理发店') as { _id: string })._id;

export const states: PreviewState[] = [
  { name: '工作人员', user: 'demo-staff-hongye-1', query: { supermarketId: 'jn-moling' }, elder: true },
  {
    name: '商户店员',
    user: 'demo-resident-chen',
    query: (demo) => ({ supermarketId: 'jn-moling', merchantId: barber(demo) }),
  },
  { name: '不是工作人员', user: 'demo-volunteer-zhao', query: { supermarketId: 'jn-moling' } },
];
