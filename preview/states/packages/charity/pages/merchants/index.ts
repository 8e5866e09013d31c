/**
 * 合作商户 pictures: 陈芳, staff of the demo's barber (manage offers, scan codes); the 秣陵 admin (staff names and
 * the registration form); a volunteer (the list only); offline.
 */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '商户店员', user: 'demo-resident-chen', query: { streetId: 'jn-moling' }, elder: true },
  { name: '街道管理员', user: 'demo-admin-moling', elder: true },
  { name: '志愿者', user: 'demo-volunteer-zhao' },
  { name: '出错', user: 'demo-volunteer-zhao', cloud: 'offline' },
];
