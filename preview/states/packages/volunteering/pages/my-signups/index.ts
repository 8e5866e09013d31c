/** 我的报名 pictures: seats held, waiting, past, nothing yet. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '即将参加', user: 'demo-volunteer-zhao' },
  { name: '候补中', user: 'demo-volunteer-xu', query: { filter: 'waiting' } },
  { name: '已结束', user: 'demo-volunteer-zhao', query: { filter: 'past' } },
  { name: '空', user: 'demo-resident-chen', query: { filter: 'past' } },
];
