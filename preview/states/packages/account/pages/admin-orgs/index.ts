/** 社会组织 pictures: a street admin's organizations, a street without any. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有机构', user: 'demo-admin-lukou' },
  { name: '没有机构', user: 'demo-admin-dongshan' },
];
