/**
 * 活动室预约 pictures: a room's free slots on a morning (the clock set to 08:00 of the cloud's day, so the picture
 * is the same whenever it is taken), tomorrow in the 秣陵 hall, a day closed for repair, the manager's view.
 */
import { addDays, dateKey, startOfDate } from '../../../../../../miniprogram/shared/calendar';
import type { PreviewState } from '../../../../../registry';
import { demoRoomId } from '../../../../../../seed/rooms';

export const states: PreviewState[] = [
  {
    name: '选时段预约',
    user: 'demo-resident-wang',
    setup: async (demo) =>
      demo.cloud.clock.set(startOfDate(dateKey(demo.cloud.clock.now()), 8 * 60).getTime()),
    query: (demo) => ({ id: demoRoomId(demo.cloud, '乒乓球室') }),
  },
  {
    name: '明天的多功能室',
    user: 'demo-resident-li',
    query: (demo) => ({
      id: demoRoomId(demo.cloud, '多功能活动室'),
      date: addDays(dateKey(demo.cloud.clock.now()), 1),
    }),
    elder: true,
  },
  {
    name: '暂停开放的一天',
    user: 'demo-volunteer-zhao',
    query: (demo) => ({
      id: demoRoomId(demo.cloud, '健身房'),
      date: addDays(dateKey(demo.cloud.clock.now()), 3),
    }),
  },
  {
    name: '管理员看自己的活动室',
    user: 'demo-resident-zhou',
    role: '周师傅（乒乓球室义务管理员）',
    query: (demo) => ({ id: demoRoomId(demo.cloud, '阅览室') }),
  },
];
