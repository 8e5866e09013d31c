/** 我的团队 pictures: a team leader's approved weekly slot, asking a room for a slot, no team yet. */
import type { PreviewState } from '../../../../../registry';
import { demoRoomId } from '../../../../../../seed/rooms';

export const states: PreviewState[] = [
  { name: '诗词小组', user: 'demo-resident-wang' },
  {
    name: '申请固定时段',
    user: 'demo-resident-qian',
    role: '钱阿姨（广场舞队负责人）',
    query: (demo) => ({ roomId: demoRoomId(demo.cloud, '舞蹈室') }),
    elder: true,
  },
  { name: '还没有团队', user: 'demo-resident-chen' },
];
