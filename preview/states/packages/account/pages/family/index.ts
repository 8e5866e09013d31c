/** 家人绑定 pictures: a request to confirm, a confirmed link, nobody linked, no network. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  {
    name: '待确认',
    user: 'demo-resident-wang',
    setup: async (demo) => {
      const { code } = await demo.ok('account', 'demo-resident-wang', 'createLinkCode');
      await demo.ok('account', 'demo-resident-chen', 'requestLink', { code, relation: '侄女' });
    },
  },
  { name: '已绑定', user: 'demo-resident-zhang' },
  { name: '没有家人', user: 'demo-resident-li' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
