/** 微公益 pictures: a resident's rounds (every phase), an admin's, a street with none yet, no network. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '居民', user: 'demo-resident-wang' },
  { name: '街道管理员', user: 'demo-admin-lukou' },
  { name: '东山居民', user: 'demo-resident-chen' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
