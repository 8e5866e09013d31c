/** 审核菜单 pictures: proposals waiting for two street admins; a member of staff sees their own items. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '禄口待审核', user: 'demo-admin-lukou' },
  { name: '秣陵待审核', user: 'demo-admin-moling' },
  { name: '机构查看', user: 'demo-staff-xinyuan-1' },
];
