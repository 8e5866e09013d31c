/** 我的服务时长 pictures: verified hours with a badge and more waiting, a room manager's turns on duty, a volunteer with none yet, offline. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有时长', user: 'demo-volunteer-zhao' },
  { name: '有记录', user: 'demo-volunteer-gu' },
  { name: '活动室值守', user: 'demo-resident-qian', elder: true },
  { name: '还没有', user: 'demo-resident-chen' },
  { name: '出错', user: 'demo-volunteer-zhao', cloud: 'offline' },
];
