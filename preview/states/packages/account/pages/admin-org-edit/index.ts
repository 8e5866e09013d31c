/** Registering or editing an organization. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '新登记', user: 'demo-admin-lukou' },
  {
    name: '修改',
    user: 'demo-admin-lukou',
    query: async (demo) => {
      const orgs = await demo.ok('account', 'demo-admin-lukou', 'listOrgs', {});
      return { id: orgs.find((o) => o.name === '心苑社会工作服务中心')?.id ?? '' };
    },
  },
];
