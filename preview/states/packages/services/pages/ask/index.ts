/** 想要新服务 pictures: a community with requests (one adopted), one with none yet. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有需求', user: 'demo-resident-wang' },
  {
    name: '还没人提',
    user: 'preview-newcomer-lukou',
    role: '新居民',
    setup: async (demo) => {
      await demo.ok('account', 'preview-newcomer-lukou', 'login');
      await demo.ok('account', 'preview-newcomer-lukou', 'updateProfile', {
        communityId: 'jn-lukou-tongshan',
      });
    },
  },
];
