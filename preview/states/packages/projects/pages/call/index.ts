/**
 * 项目详情 pictures: 禄口's 公益创投 round after the award, as the 禄口 admin (ranking, the answered complaint, the
 * contracts made); 东山's 应急救护 purchase in review as its admin (reviewers' progress, the running ranking); the
 * open 四点半课堂 call as staff who may bid.
 */
import type { PreviewState } from '../../../../../registry';
import { demoCallId } from '../../../../../../seed/projects';

export const states: PreviewState[] = [
  {
    name: '公示后',
    user: 'demo-admin-lukou',
    query: (demo) => ({ id: demoCallId(demo.cloud, '2027年度禄口街道公益创投') }),
  },
  {
    name: '评审中',
    user: 'demo-admin-dongshan',
    query: (demo) => ({ id: demoCallId(demo.cloud, '东山街道社区应急救护培训') }),
  },
  {
    name: '可以申报',
    user: 'demo-staff-xinyuan-1',
    query: (demo) => ({ id: demoCallId(demo.cloud, '2027年禄口街道四点半课堂') }),
  },
];
