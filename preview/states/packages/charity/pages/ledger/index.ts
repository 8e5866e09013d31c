/** 公示账本 pictures: statistics with the chart, the ledger, the daily digests. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '统计', user: 'demo-resident-chen' },
  { name: '账本', user: 'demo-resident-chen', query: { tab: 'ledger' } },
  { name: '每日公示', user: 'demo-resident-chen', query: { tab: 'digests' } },
];
