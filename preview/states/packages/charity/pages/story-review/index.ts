/** 心愿故事审核 pictures: a story the content check held, and nothing waiting. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  {
    name: '待审核',
    user: 'demo-admin-dongshan',
    setup: async (demo) => {
      const recipient = demo.cloud.store
        .docs('charity_recipients')
        .find((r) => r.communityId === 'jn-dongshan-dongshan')!;
      await demo.ok('charity', 'demo-admin-dongshan', 'postNeed', {
        recipientId: String(recipient._id),
        item: '助听器',
        itemCategory: 'rehab',
        unit: '个',
        quantity: 1,
        estimatedValue: 300,
        story: '老人耳朵不好，想要一个助听器，有意者可以加微信联系社区。',
        deadline: new Date(demo.cloud.clock.now() + 20 * 86_400_000).toISOString(),
        idempotencyKey: 'preview-held-story',
      });
    },
  },
  { name: '没有待审核', user: 'demo-admin-lukou' },
];
