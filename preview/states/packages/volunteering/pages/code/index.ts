/** 签到二维码 pictures: during the activity, and too early. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The id of the demo seed's activity with this title (seed/volunteering.ts). */
function activityId(demo: PreviewDemo, title: string): string {
  const found = demo.cloud.store.docs('volunteer_activities').find((a) => a.title === title);
  if (!found) throw new Error(`no demo activity titled ${title}`);
  return String(found._id);
}

export const states: PreviewState[] = [
  { name: '进行中', user: 'demo-staff-xinyuan-1', query: (demo) => ({ id: activityId(demo, '社区义剪') }) },
  {
    name: '还没开始',
    user: 'demo-staff-lantian-1',
    role: '蓝天应急救援协会 王队长',
    query: (demo) => ({ id: activityId(demo, '地震逃生演练') }),
  },
];
