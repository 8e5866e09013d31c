/** 我的机构 pictures: a member of staff's organization (with the work number residents see), and a resident who works for none. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '机构', user: 'demo-staff-xinyuan-1' },
  { name: '没有机构', user: 'demo-resident-wang' },
];
