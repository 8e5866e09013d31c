/** 任命人员 pictures: 东片网格's team with people found by name, and 城管's staff. */
import type { PreviewState } from '../../../../../registry';

const docOf = (
  demo: { cloud: { store: { docs(c: string): Record<string, unknown>[] } } },
  c: string,
  name: string,
) => String(demo.cloud.store.docs(c).find((d) => d['streetId'] === 'jn-lukou' && d['name'] === name)!['_id']);

export const states: PreviewState[] = [
  {
    name: '网格人员',
    user: 'demo-admin-lukou',
    query: (demo) => ({ gridId: docOf(demo, 'report_grids', '东片网格') }),
  },
  {
    name: '部门人员',
    user: 'demo-admin-lukou',
    query: (demo) => ({ departmentId: docOf(demo, 'report_departments', '城管') }),
  },
];
