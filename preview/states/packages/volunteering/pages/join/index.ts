/** 成为志愿者 pictures: a resident joining, a volunteer editing. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '成为志愿者', user: 'demo-resident-wang' },
  { name: '我的资料', user: 'demo-volunteer-zhao' },
];
