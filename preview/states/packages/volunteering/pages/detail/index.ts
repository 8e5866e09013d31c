/** 活动详情 pictures: open for sign-up, full (waitlist), waiting, checked in now, called off, the organizer. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The id of the demo seed's activity with this title (seed/volunteering.ts). */
function activityId(demo: PreviewDemo, title: string): string {
  const found = demo.cloud.store.docs('volunteer_activities').find((a) => a.title === title);
  if (!found) throw new Error(`no demo activity titled ${title}`);
  return String(found._id);
}

export const states: PreviewState[] = [
  {
    name: '报名中',
    user: 'demo-resident-zhang',
    query: (demo) => ({ id: activityId(demo, '地震逃生演练') }),
  },
  {
    name: '已满可候补',
    user: 'demo-resident-zhang',
    query: (demo) => ({ id: activityId(demo, '快乐4点半') }),
  },
  { name: '候补中', user: 'demo-volunteer-xu', query: (demo) => ({ id: activityId(demo, '快乐4点半') }) },
  {
    name: '进行中已签到',
    user: 'demo-volunteer-he',
    query: (demo) => ({ id: activityId(demo, '社区义剪') }),
    elder: true,
  },
  {
    name: '已取消',
    user: 'demo-resident-zhang',
    query: (demo) => ({ id: activityId(demo, '端午包粽子送老人') }),
  },
  {
    name: '组织者',
    user: 'demo-staff-lantian-1',
    role: '蓝天应急救援协会 王队长',
    query: (demo) => ({ id: activityId(demo, '地震逃生演练') }),
  },
  {
    name: '居民未加入',
    user: 'demo-resident-wang',
    query: (demo) => ({ id: activityId(demo, '地震逃生演练') }),
  },
];
