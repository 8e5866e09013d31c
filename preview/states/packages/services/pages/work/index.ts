/** 服务工单 pictures: staff with incoming work, staff with none waiting, today's list on the move. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '待接单', user: 'demo-staff-xinyuan-1', elder: true },
  { name: '没有新工单', user: 'demo-staff-hongye-1' },
  { name: '今天', user: 'demo-staff-xinyuan-1', query: { tab: 'today' }, elder: true },
];
