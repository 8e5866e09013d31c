/** 公益 pictures: what a resident and a volunteer see, a newcomer with no community yet, no network. */
import type { PreviewState } from '../../../registry';

export const states: PreviewState[] = [
  { name: '居民', user: 'demo-resident-wang' },
  { name: '志愿者', user: 'demo-volunteer-zhao', elder: true },
  { name: '新用户', user: 'preview-newcomer', role: '第一次打开，还没选社区' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
