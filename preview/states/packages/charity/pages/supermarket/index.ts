/** 慈善超市设置 pictures: the 禄口 supermarket for its street admin, and a resident. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '已开设', user: 'demo-admin-lukou' },
  { name: '不是管理员', user: 'demo-resident-wang' },
];
