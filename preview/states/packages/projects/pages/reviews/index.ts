/** 我的评审 pictures: 何会计师 (one call to declare, one scored). The empty list is the shared page-state. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '两个项目', user: 'demo-expert-he', role: '评审专家 何会计师' },
];
