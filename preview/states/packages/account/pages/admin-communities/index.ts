/** 我管理的社区 pictures: a street admin, the district admin, a resident (refused), a community being edited. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '街道管理员', user: 'demo-admin-lukou' },
  { name: '区管理员', user: 'demo-admin-jiangning' },
  { name: '无权限', user: 'demo-resident-wang' },
  { name: '修改电话和首页', user: 'demo-admin-lukou', query: { edit: 'jn-lukou-lukou' }, elder: true },
];
