/** 兑换交付 pictures: a waiting reservation scanned at the counter, one already handed over, the scanner screen. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The code of 赵磊's reservation of `goods` in the demo. */
async function codeOf(demo: PreviewDemo, goods: string): Promise<string> {
  const mine = await demo.ok('charity', 'demo-volunteer-zhao', 'myRedemptions', {});
  const found = mine.items.find((r) => r.goodsName === goods);
  if (!found) throw new Error(`no demo reservation of ${goods}`);
  return found.code;
}

export const states: PreviewState[] = [
  {
    name: '待交付',
    user: 'demo-staff-hongye-1',
    elder: true,
    query: async (demo) => ({ code: await codeOf(demo, '花生油 1.8 升') }),
  },
  {
    name: '已领取',
    user: 'demo-staff-hongye-1',
    query: async (demo) => ({ code: await codeOf(demo, '东北大米 5 斤') }),
  },
  { name: '扫码', user: 'demo-staff-hongye-1' },
];
