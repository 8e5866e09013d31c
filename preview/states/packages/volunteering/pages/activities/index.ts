/** 志愿活动 pictures: a volunteer by date and by recommendation, by skill, a resident not yet volunteering, offline. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '按时间', user: 'demo-volunteer-zhao' },
  { name: '为您推荐', user: 'demo-volunteer-zhao', query: { tab: 'recommend' } },
  { name: '按技能', user: 'demo-volunteer-ma', query: { tab: 'skill' } },
  { name: '居民', user: 'demo-resident-wang', elder: true },
  { name: '出错', user: 'demo-volunteer-zhao', cloud: 'offline' },
];
