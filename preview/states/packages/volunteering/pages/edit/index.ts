/** 发布 / 修改活动 pictures: a new activity by staff, by an admin, and editing a published one. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The id of the demo seed's activity with this title (seed/volunteering.ts). */
function activityId(demo: PreviewDemo, title: string): string {
  const found = demo.cloud.store.docs('volunteer_activities').find((a) => a.title === title);
  if (!found) throw new Error(`no demo activity titled ${title}`);
  return String(found._id);
}

export const states: PreviewState[] = [
  { name: '发布', user: 'demo-staff-hongye-1' },
  { name: '管理员发布', user: 'demo-admin-lukou' },
  { name: '修改', user: 'demo-staff-hongye-1', query: (demo) => ({ id: activityId(demo, '快乐4点半') }) },
];
