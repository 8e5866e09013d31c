/** 心愿详情 pictures: open to claim, with 爱心积分 volunteers gave to it, and claimed in full. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

type Doc = Record<string, unknown> & { _id: string };

/** The need of the demo seed for this item. */
function needId(demo: PreviewDemo, item: string): string {
  const found = demo.cloud.store.docs('charity_needs').find((n) => n.item === item) as Doc | undefined;
  if (!found) throw new Error(`no demo need for ${item}`);
  return found._id;
}

export const states: PreviewState[] = [
  { name: '可认领', user: 'demo-resident-chen', query: (demo) => ({ id: needId(demo, '大米') }) },
  {
    name: '已有爱心积分',
    user: 'demo-resident-chen',
    elder: true,
    setup: async (demo) => {
      await demo.ok('volunteering', 'demo-admin-jiangning', 'adjustPoints', {
        targetUserId: demo.userId('demo-volunteer-zhao'),
        delta: 50,
        reason: '社区防汛值守',
        idempotencyKey: 'preview-need-points-grant',
      });
      await demo.ok('charity', 'demo-volunteer-zhao', 'givePointsToNeed', {
        needId: needId(demo, '大米'),
        points: 30,
        idempotencyKey: 'preview-need-points-gift',
      });
    },
    query: (demo) => ({ id: needId(demo, '大米') }),
  },
  { name: '已认领完', user: 'demo-resident-chen', query: (demo) => ({ id: needId(demo, '电热毯') }) },
];
