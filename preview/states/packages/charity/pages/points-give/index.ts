/** 赠送积分 pictures: 张明 with points and 王奶奶 linked; someone with no family linked; offline. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  {
    name: '有家人',
    user: 'demo-resident-zhang',
    elder: true,
    setup: async (demo) => {
      await demo.ok('volunteering', 'demo-admin-jiangning', 'adjustPoints', {
        targetUserId: demo.userId('demo-resident-zhang'),
        delta: 40,
        reason: '社区防汛值守',
        idempotencyKey: 'preview-give-grant',
      });
    },
  },
  { name: '没有绑定家人', user: 'demo-volunteer-zhao' },
  { name: '出错', user: 'demo-resident-zhang', cloud: 'offline' },
];
