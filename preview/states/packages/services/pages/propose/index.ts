/** 提议服务项目 pictures: a member of staff's empty form, and someone who is not staff. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '提议', user: 'demo-staff-xinyuan-1' },
  { name: '不是机构人员', user: 'demo-resident-wang' },
];
