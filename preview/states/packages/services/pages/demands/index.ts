/** 需求清单 pictures: the district's list, a street's list. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '全区', user: 'demo-admin-jiangning' },
  { name: '秣陵街道', user: 'demo-admin-moling' },
];
