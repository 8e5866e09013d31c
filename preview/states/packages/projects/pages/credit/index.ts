/** 机构信用值 pictures: 心苑 in 禄口, as its own staff see it. */
import type { PreviewState } from '../../../../../registry';

const XINYUAN = '心苑社会工作服务中心';

export const states: PreviewState[] = [
  {
    name: '机构自己',
    user: 'demo-staff-xinyuan-1',
    query: (demo) => ({
      orgId: String(demo.cloud.store.docs('organizations').find((o) => o.name === XINYUAN)!._id),
      streetId: 'jn-lukou',
    }),
  },
];
