/** 修改事项 pictures: a matter 禄口's admin has changed once (its earlier version listed), and a new matter. */
import type { PreviewState } from '../../../../../registry';

const lamp = (demo: { cloud: { store: { docs(c: string): Record<string, unknown>[] } } }) =>
  demo.cloud.store
    .docs('report_matters')
    .find((m) => m['streetId'] === 'jn-lukou' && m['name'] === '路灯不亮')!;

export const states: PreviewState[] = [
  {
    name: '改过一次',
    user: 'demo-admin-lukou',
    setup: async (demo) => {
      const m = lamp(demo);
      await demo.ok('reports', 'demo-admin-lukou', 'saveMatter', {
        matterId: String(m['_id']),
        version: Number(m['version']),
        streetId: 'jn-lukou',
        name: '路灯不亮',
        category: '市政设施',
        departmentId: String(m['departmentId']),
        respondHours: 4,
        resolveHours: 48,
        patrolFirst: false,
      });
    },
    query: (demo) => ({ id: String(lamp(demo)['_id']) }),
  },
  { name: '新增', user: 'demo-admin-lukou' },
];
