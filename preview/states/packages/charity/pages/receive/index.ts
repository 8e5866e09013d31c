/** 接收物品 pictures: a pledged code looked up at the counter, and the empty scanner screen. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

type Doc = Record<string, unknown> & { _id: string };

/** The demo donation of this item (and status, when given). */
function donation(demo: PreviewDemo, item: string, status?: string): Doc {
  const found = demo.cloud.store
    .docs('charity_donations')
    .find((d) => d.item === item && (!status || d.status === status)) as Doc | undefined;
  if (!found) throw new Error(`no demo donation of ${item}${status ? ` (${status})` : ''}`);
  return found;
}

export const states: PreviewState[] = [
  {
    name: '待接收',
    user: 'demo-staff-xinyuan-1',
    query: (demo) => ({ code: String(donation(demo, '大米', 'pledged').code) }),
  },
  { name: '扫码', user: 'demo-staff-xinyuan-1' },
];
