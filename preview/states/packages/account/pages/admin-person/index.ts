/** One person for an admin: a resident, provider staff with a role history, someone outside the admin's scope. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '居民', user: 'demo-admin-lukou', query: (demo) => ({ id: demo.userId('demo-resident-wang') }) },
  {
    name: '服务人员',
    user: 'demo-admin-lukou',
    query: (demo) => ({ id: demo.userId('demo-staff-xinyuan-2') }),
  },
  { name: '不在辖区', user: 'demo-admin-lukou', query: (demo) => ({ id: demo.userId('demo-resident-li') }) },
];
