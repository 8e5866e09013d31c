/** 组织志愿活动 pictures: organization staff, a street admin, someone who organizes nothing. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '机构工作人员', user: 'demo-staff-hongye-1' },
  { name: '街道管理员', user: 'demo-admin-moling' },
  { name: '已结束', user: 'demo-staff-hongye-1', query: { filter: 'past' } },
  { name: '无权限', user: 'demo-resident-wang' },
];
