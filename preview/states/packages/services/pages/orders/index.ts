/** 我的预约 pictures: an elder with orders going on, someone with none. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有预约', user: 'demo-resident-wang' },
  { name: '家属', user: 'demo-resident-zhang' },
  { name: '空', user: 'demo-volunteer-zhao' },
];
