/** 我的提案 pictures: someone with proposals in several rounds (a draft among them), someone with none. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有提案', user: 'demo-resident-zhang' },
  { name: '没有提案', user: 'demo-resident-li' },
  { name: '出错', user: 'demo-resident-zhang', cloud: 'offline' },
];
