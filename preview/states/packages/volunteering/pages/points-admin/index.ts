/** 爱心积分规则与报表 pictures: the 秣陵 street admin's rule and months; a district admin choosing among streets; refused. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '街道管理员', user: 'demo-admin-moling', elder: true },
  { name: '区管理员', user: 'demo-admin-jiangning' },
  { name: '不是管理员', user: 'demo-volunteer-zhao' },
];
