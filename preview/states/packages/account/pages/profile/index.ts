/** 个人资料 pictures: a filled profile, a newcomer's empty one, no network. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '已填写', user: 'demo-resident-wang' },
  { name: '新用户', user: 'preview-newcomer', role: '第一次打开，还没选社区' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
