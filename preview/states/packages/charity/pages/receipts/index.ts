/** 我收到的爱心 pictures: 王奶奶 with an electric blanket on its way (and its code), and a resident with none. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有数据', user: 'demo-resident-wang' },
  { name: '空', user: 'demo-resident-chen' },
];
