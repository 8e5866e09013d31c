/** 积分兑换物品 pictures: the 秣陵 supermarket's staff with goods on the shelf; someone who is not staff. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '工作人员', user: 'demo-staff-hongye-1', query: { supermarketId: 'jn-moling' }, elder: true },
  { name: '不是工作人员', user: 'demo-volunteer-zhao', query: { supermarketId: 'jn-moling' } },
];
