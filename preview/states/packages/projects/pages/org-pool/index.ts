/** 备选库入库 pictures: 心苑 (admitted in 禄口), 夕阳红 (rejected, with the reason and the checklist). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '已入库', user: 'demo-staff-xinyuan-1' },
  { name: '未通过', user: 'demo-staff-xiyang-1', role: '夕阳红养老服务中心 工作人员' },
];
