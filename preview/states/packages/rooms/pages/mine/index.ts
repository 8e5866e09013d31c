/** 我的活动室预约 pictures: coming bookings with their codes, past ones (checked in, missed), nothing yet. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '要去的', user: 'demo-resident-wang' },
  { name: '去过的', user: 'demo-resident-zhang', query: { when: 'past' }, elder: true },
  { name: '空', user: 'demo-resident-chen' },
];
