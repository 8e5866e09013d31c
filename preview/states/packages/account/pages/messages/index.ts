/** 我的消息 pictures: a resident with messages from the demo's orders and donations, someone with none, offline. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有消息', user: 'demo-resident-wang', elder: true },
  { name: '没有消息', user: 'demo-resident-chen' },
  { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
];
