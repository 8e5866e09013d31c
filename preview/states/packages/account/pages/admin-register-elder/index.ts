/** 代老人登记 pictures: the form for a street admin, a resident (refused). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '登记表', user: 'demo-admin-dongshan' },
  { name: '无权限', user: 'demo-resident-wang' },
];
