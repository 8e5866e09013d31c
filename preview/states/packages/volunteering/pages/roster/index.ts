/** 报名名单 pictures: hours to confirm (an auto-closed check-out, a no-show), a full activity, one going on now. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The id of the demo seed's activity with this title (seed/volunteering.ts). */
function activityId(demo: PreviewDemo, title: string): string {
  const found = demo.cloud.store.docs('volunteer_activities').find((a) => a.title === title);
  if (!found) throw new Error(`no demo activity titled ${title}`);
  return String(found._id);
}

export const states: PreviewState[] = [
  {
    name: '待确认时长',
    user: 'demo-staff-hongye-1',
    query: (demo) => ({ id: activityId(demo, '社区环境清洁日') }),
  },
  { name: '已满', user: 'demo-staff-hongye-1', query: (demo) => ({ id: activityId(demo, '快乐4点半') }) },
  { name: '进行中', user: 'demo-staff-xinyuan-1', query: (demo) => ({ id: activityId(demo, '社区义剪') }) },
];
