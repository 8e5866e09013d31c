/**
 * 首页 pictures: an ordinary day (the big tiles, 再来一单, the community's phone), a family request waiting, a
 * newcomer without a community, no network.
 */
import type { PreviewState } from '../../../registry';

export const states: PreviewState[] = [
  {
    name: '有家人请求',
    user: 'demo-resident-wang',
    setup: async (demo) => {
      const { code } = await demo.ok('account', 'demo-resident-wang', 'createLinkCode');
      await demo.ok('account', 'demo-resident-chen', 'requestLink', { code, relation: '侄女' });
    },
  },
  { name: '平常', user: 'demo-resident-wang', elder: true },
  { name: '新用户', user: 'preview-newcomer', role: '第一次打开，还没选社区' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
