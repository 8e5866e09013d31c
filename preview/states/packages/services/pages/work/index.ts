/** 服务工单 pictures: staff with incoming work, staff with none waiting, today's list on the move. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '待接单', user: 'demo-staff-xinyuan-1', elder: true },
  { name: '没有新工单', user: 'demo-staff-hongye-1' },
  {
    name: '今天',
    user: 'demo-staff-xinyuan-1',
    // The morning of the day the organization's waiting order is for, an hour and a half before it starts.
    setup: async (demo) => {
      const waiting = demo.cloud.store
        .docs('service_orders')
        .filter((o) => o.status === 'matched' && o.orgName === '心苑社会工作服务中心')
        .map((o) => new Date(o.slotStart as string).getTime())
        .sort((a, b) => a - b)[0];
      if (waiting) demo.cloud.clock.set(waiting - 90 * 60_000);
    },
    query: { tab: 'today' },
    elder: true,
  },
];
