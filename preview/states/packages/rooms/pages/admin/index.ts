/** 活动室管理 pictures: 禄口 (heat maps, a broken net), 秣陵 (a team to approve, a closure), a resident refused. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '禄口街道', user: 'demo-admin-lukou' },
  { name: '秣陵街道', user: 'demo-admin-moling', elder: true },
  { name: '不是管理员', user: 'demo-resident-wang' },
];
