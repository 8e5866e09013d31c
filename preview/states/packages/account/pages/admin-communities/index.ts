/** 我管理的社区 pictures: a street admin, the district admin, a resident (refused). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '街道管理员', user: 'demo-admin-lukou' },
  { name: '区管理员', user: 'demo-admin-jiangning' },
  { name: '无权限', user: 'demo-resident-wang' },
];
