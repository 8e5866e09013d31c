/**
 * 报告详情 pictures: the reporter following a report a department has accepted, the reporter asked to confirm and
 * rate a resolved one, a department member with one to accept, the grid team with one to confirm on site.
 */
import type { PreviewState } from '../../../../../registry';
import { demoReportId } from '../../../../../../seed/reports';

export const states: PreviewState[] = [
  {
    name: '报告人看进展',
    user: 'demo-resident-wang',
    query: (demo) => ({ id: demoReportId(demo.cloud, '门口路面') }),
  },
  {
    name: '确认并评价',
    user: 'demo-resident-zhou',
    query: (demo) => ({ id: demoReportId(demo.cloud, '7 栋前') }),
  },
  {
    name: '网格员核实',
    user: 'demo-grid-lk-1',
    role: '网格长 孙建华',
    query: (demo) => ({ id: demoReportId(demo.cloud, '路口早上') }),
    elder: true,
  },
];
