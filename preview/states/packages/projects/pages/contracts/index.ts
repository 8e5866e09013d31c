/** 购买服务合同 pictures: the 禄口 street's contracts, and the contracts an organization's staff signed. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '禄口街道', user: 'demo-admin-lukou' },
  { name: '承接机构', user: 'demo-staff-lantian-1' },
];
