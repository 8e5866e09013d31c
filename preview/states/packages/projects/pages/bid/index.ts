/** 项目申报 pictures: 红叶's draft on the open 四点半课堂 call; 心苑's submitted bid on the awarded round (read-only). */
import type { PreviewState } from '../../../../../registry';
import { demoCallId } from '../../../../../../seed/projects';

const orgNamed = (demo: { cloud: { store: { docs(c: string): Record<string, unknown>[] } } }, name: string) =>
  String(demo.cloud.store.docs('organizations').find((o) => o.name === name)!._id);

export const states: PreviewState[] = [
  {
    name: '草稿',
    user: 'demo-staff-hongye-1',
    query: (demo) => ({
      callId: demoCallId(demo.cloud, '2027年禄口街道四点半课堂'),
      orgId: orgNamed(demo, '南京红叶社会工作服务社'),
    }),
  },
  {
    name: '已截止',
    user: 'demo-staff-xinyuan-1',
    query: (demo) => ({
      callId: demoCallId(demo.cloud, '2027年度禄口街道公益创投'),
      orgId: orgNamed(demo, '心苑社会工作服务中心'),
    }),
  },
];
