/** 人员与角色 pictures: a street admin's people, a resident (refused). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '街道管理员', user: 'demo-admin-lukou', elder: true },
  { name: '无权限', user: 'demo-resident-wang' },
];
