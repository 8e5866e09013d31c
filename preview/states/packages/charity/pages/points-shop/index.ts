/**
 * 积分兑换 pictures: 赵磊 with a reservation waiting (its QR open) and one handed over; someone without points;
 * the supermarket's staff (hand-over and goods management); a street without a supermarket; offline.
 */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有待领取', user: 'demo-volunteer-zhao', elder: true },
  { name: '积分不够', user: 'demo-volunteer-gu' },
  { name: '工作人员', user: 'demo-staff-hongye-1', query: { supermarketId: 'jn-moling' } },
  { name: '出错', user: 'demo-volunteer-zhao', cloud: 'offline' },
];
