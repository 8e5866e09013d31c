/** 服务 tab pictures: a resident's menu, staff and admin with their work entries, a newcomer, no network. */
import type { PreviewState } from '../../../registry';

export const states: PreviewState[] = [
  { name: '居民', user: 'demo-resident-wang' },
  { name: '服务人员', user: 'demo-staff-xinyuan-1' },
  { name: '街道管理员', user: 'demo-admin-moling' },
  { name: '新用户', user: 'preview-newcomer', role: '第一次打开，还没选社区' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
