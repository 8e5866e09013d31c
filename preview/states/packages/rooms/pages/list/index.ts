/**
 * 活动室 pictures: rooms near a resident (the table-tennis room and the hall with photos) and today's free slots,
 * a room manager, a street without rooms, offline.
 */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '附近的活动室', user: 'demo-resident-wang' },
  { name: '活动室管理员', user: 'demo-resident-zhou', role: '周师傅（乒乓球室义务管理员）' },
  { name: '街道还没有活动室', user: 'demo-resident-chen' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
