/** 库存与对账 pictures: the 禄口 supermarket (towels counted, rice on its way). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有数据', user: 'demo-staff-xinyuan-1', query: { id: 'jn-lukou' } },
];
