/** 我的 pictures: a resident, a street admin, provider staff, no network. */
import type { PreviewState } from '../../../registry';

export const states: PreviewState[] = [
  { name: '居民', user: 'demo-resident-wang' },
  { name: '管理员', user: 'demo-admin-lukou', elder: true },
  { name: '服务人员', user: 'demo-staff-xinyuan-1' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
