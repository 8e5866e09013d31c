/** 数据看板 pictures: 东山 street's two contracts, and a resident who may not see it. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '东山街道', user: 'demo-admin-dongshan' },
  { name: '不是管理员', user: 'demo-resident-wang' },
];
