/**
 * 订单详情 pictures, one per state and role: waiting for acceptance, accepted (the staff member sees the
 * contact; days before the slot, so check-in asks for a reason), accepted in the check-in window (no reason
 * asked), in service, done and waiting for a rating, rated, cancelled, escalated (the admin assigns), a
 * callback by phone (the number on the button); 谁来上门 as the person served and as the neighbour who ordered.
 */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The id of the demo order of this item (the first in the given state when one is given). */
function orderId(demo: PreviewDemo, itemName: string, status?: string): string {
  const found = demo.cloud.store
    .docs('service_orders')
    .find((o) => o.itemName === itemName && (status === undefined || o.status === status));
  if (!found) throw new Error(`no demo order of ${itemName}${status ? ` in ${status}` : ''}`);
  return String(found._id);
}

export const states: PreviewState[] = [
  { name: '等待接单', user: 'demo-resident-wang', query: (demo) => ({ id: orderId(demo, '助餐送餐上门') }) },
  {
    name: '机构待接单',
    user: 'demo-staff-xinyuan-2',
    query: (demo) => ({ id: orderId(demo, '助餐送餐上门') }),
  },
  {
    name: '已接单',
    user: 'demo-staff-xinyuan-1',
    query: (demo) => ({ id: orderId(demo, '陪同就医') }),
    elder: true,
  },
  {
    name: '可以签到',
    user: 'demo-staff-xinyuan-1',
    // Half an hour before the slot starts: inside the agreed window.
    setup: async (demo) => {
      const order = demo.cloud.store.docs('service_orders').find((o) => o._id === orderId(demo, '陪同就医'));
      demo.cloud.clock.set(new Date(order!.slotStart as string).getTime() - 30 * 60_000);
    },
    query: (demo) => ({ id: orderId(demo, '陪同就医') }),
  },
  { name: '服务中', user: 'demo-staff-xinyuan-2', query: (demo) => ({ id: orderId(demo, '康复理疗上门') }) },
  {
    name: '待评价',
    user: 'demo-resident-zhang',
    query: (demo) => ({ id: orderId(demo, '居家保洁') }),
    elder: true,
  },
  { name: '已评价', user: 'demo-resident-wang', query: (demo) => ({ id: orderId(demo, '助浴上门') }) },
  { name: '已取消', user: 'demo-resident-li', query: (demo) => ({ id: orderId(demo, '轮椅代步接送') }) },
  { name: '需派单', user: 'demo-admin-moling', query: (demo) => ({ id: orderId(demo, '助行陪同外出') }) },
  { name: '电话回访', user: 'demo-admin-lukou', query: (demo) => ({ id: orderId(demo, '居家保洁') }) },
  { name: '出错', user: 'demo-resident-wang', query: { id: 'x' }, cloud: 'offline' },
  {
    name: '谁来上门',
    user: 'demo-resident-wang',
    query: (demo) => ({ id: orderId(demo, '陪同就医') }),
    elder: true,
  },
  {
    name: '本人 服务中',
    user: 'demo-resident-wang',
    query: (demo) => ({ id: orderId(demo, '康复理疗上门') }),
  },
];
