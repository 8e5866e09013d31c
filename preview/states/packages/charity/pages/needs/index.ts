/** 微心愿 pictures: the open needs (a donor), and without network. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有数据', user: 'demo-resident-zhang' },
  { name: '出错', user: 'demo-resident-zhang', cloud: 'offline' },
];
