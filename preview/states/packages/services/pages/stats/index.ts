/** 机构满意度 pictures: the whole district, one street. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '全区', user: 'demo-admin-jiangning', elder: true },
  { name: '禄口街道', user: 'demo-admin-lukou' },
];
