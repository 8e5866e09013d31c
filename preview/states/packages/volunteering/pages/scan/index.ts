/** 扫码签到 pictures: before scanning, for check-in and check-out. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The id of the demo seed's activity with this title (seed/volunteering.ts). */
function activityId(demo: PreviewDemo, title: string): string {
  const found = demo.cloud.store.docs('volunteer_activities').find((a) => a.title === title);
  if (!found) throw new Error(`no demo activity titled ${title}`);
  return String(found._id);
}

export const states: PreviewState[] = [
  {
    name: '签到',
    user: 'demo-volunteer-he',
    query: (demo) => ({ id: activityId(demo, '社区义剪'), mode: 'in' }),
  },
  {
    name: '签退',
    user: 'demo-volunteer-he',
    query: (demo) => ({ id: activityId(demo, '社区义剪'), mode: 'out' }),
  },
];
