/** 我的捐赠 pictures: a donor with donations at several steps, and someone with none. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有数据', user: 'demo-resident-zhang' },
  { name: '空', user: 'demo-staff-hongye-1' },
];
