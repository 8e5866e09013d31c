/** 工作台 pictures: 心苑 staff at the 禄口 supermarket (pledges expected, on their way), and a resident. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '待送来', user: 'demo-staff-xinyuan-1' },
  { name: '配送中', user: 'demo-staff-xinyuan-2', query: { stage: 'inDelivery' } },
  { name: '不是工作人员', user: 'demo-resident-wang' },
];
