/** 我的爱心积分 pictures: points earned, spent and adjusted; someone with none yet; offline. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有积分', user: 'demo-volunteer-zhao', elder: true },
  { name: '管理员调整', user: 'demo-volunteer-liu' },
  { name: '还没有', user: 'demo-resident-chen' },
  { name: '出错', user: 'demo-volunteer-zhao', cloud: 'offline' },
];
