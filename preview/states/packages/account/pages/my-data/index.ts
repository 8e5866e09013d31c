/** 个人信息 pictures: a resident's records, a deletion waiting out its cooling-off, an admin acting for an elder. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '我的信息', user: 'demo-resident-zhang' },
  {
    name: '注销冷静期',
    user: 'demo-resident-chen',
    setup: async (demo) => {
      await demo.ok('account', 'demo-resident-chen', 'requestErasure', {});
    },
  },
  {
    name: '为老人办理',
    user: 'demo-admin-dongshan',
    query: async (demo) => {
      const elder = demo.cloud.store.docs('users').find((u) => u.kind === 'proxy')!;
      return { elderId: String(elder._id) };
    },
  },
];
