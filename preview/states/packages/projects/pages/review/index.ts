/**
 * 评审打分 pictures: the declaration first (何会计师 on 东山's 应急救护 purchase), then the bids to score (孙老师,
 * who declared and scored).
 */
import type { PreviewState } from '../../../../../registry';
import { demoCallId } from '../../../../../../seed/projects';

export const states: PreviewState[] = [
  {
    name: '先声明利益冲突',
    user: 'demo-expert-he',
    role: '评审专家 何会计师',
    query: (demo) => ({ callId: demoCallId(demo.cloud, '东山街道社区应急救护培训') }),
  },
  {
    name: '待评分的申报',
    user: 'demo-expert-sun',
    role: '评审专家 孙老师',
    query: (demo) => ({ callId: demoCallId(demo.cloud, '东山街道社区应急救护培训') }),
  },
];
