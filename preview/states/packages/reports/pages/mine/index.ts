/** 随手拍 (我的报告) pictures: a resident's reports in several states; someone who has reported nothing. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '我的报告', user: 'demo-resident-wang' },
  { name: '网格员', user: 'demo-resident-zhou' },
  { name: '空', user: 'demo-resident-chen' },
];
