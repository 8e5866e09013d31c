/**
 * 今日值守 pictures: the table-tennis room's manager on a morning with bookings (one checked in by code), the 秣陵
 * manager, and a resident who manages no room. The morning is made in `setup` (the clock set to 09:50 of the
 * cloud's day), so the picture shows the same whatever time it is taken.
 */
import { dateKey, startOfDate } from '../../../../../../miniprogram/shared/calendar';
import { demoRoomId } from '../../../../../../seed/rooms';
import type { PreviewDemo, PreviewState } from '../../../../../registry';

async function morningWithBookings(demo: PreviewDemo): Promise<void> {
  const today = dateKey(demo.cloud.clock.now());
  const roomId = demoRoomId(demo.cloud, '乒乓球室');
  demo.cloud.clock.set(startOfDate(today, 9 * 60 + 30).getTime());
  const codes: string[] = [];
  for (const [who, start, people, purpose] of [
    ['demo-resident-wang', 600, 1, '陪孙子打球'],
    ['demo-resident-li', 600, 2, '和老伙计练球'],
    ['demo-volunteer-zhao', 660, 3, '球友切磋'],
  ] as const) {
    const b = await demo.ok('rooms', who, 'book', {
      roomId,
      date: today,
      start,
      people,
      purpose,
      idempotencyKey: `preview-duty-${who}`,
    });
    codes.push(b.code!);
  }
  demo.cloud.clock.set(startOfDate(today, 9 * 60 + 50).getTime());
  await demo.ok('rooms', 'demo-resident-zhou', 'openRoom', { roomId });
  await demo.ok('rooms', 'demo-resident-zhou', 'checkIn', { roomId, code: codes[1]! });
}

export const states: PreviewState[] = [
  {
    name: '上午的预约',
    user: 'demo-resident-zhou',
    role: '周师傅（乒乓球室义务管理员）',
    setup: morningWithBookings,
  },
  {
    name: '多功能室',
    user: 'demo-resident-qian',
    role: '钱阿姨（秣陵社区活动室管理员）',
    query: (demo) => ({ roomId: demoRoomId(demo.cloud, '多功能活动室') }),
    elder: true,
  },
  { name: '不是管理员', user: 'demo-resident-wang' },
];
