/** 网格和部门工作台 pictures: a department's queue with deadlines, the street's figures, a grid's patrol queue. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '部门待办', user: 'demo-dept-lk-zj', role: '住建 许工' },
  { name: '街道统计', user: 'demo-admin-lukou', query: { tab: 'figures' } },
  { name: '网格待核实', user: 'demo-grid-lk-1', role: '网格长 孙建华', query: { tab: 'patrol' } },
];
