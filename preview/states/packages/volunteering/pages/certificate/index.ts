/** 志愿服务证明 pictures: 赵磊's certificate, and a volunteer with no verified hours yet. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '证明', user: 'demo-volunteer-zhao' },
  { name: '没有确认的时长', user: 'demo-resident-chen' },
];
