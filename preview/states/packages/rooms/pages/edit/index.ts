/**
 * 活动室设置 pictures: a street admin registering a new room, editing the table-tennis room (its photos, hours and
 * managers), a resident refused.
 */
import { demoRoomId } from '../../../../../../seed/rooms';
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '登记新活动室', user: 'demo-admin-lukou' },
  {
    name: '修改乒乓球室',
    user: 'demo-admin-lukou',
    query: (demo) => ({ id: demoRoomId(demo.cloud, '乒乓球室') }),
    elder: true,
  },
  {
    name: '不是管理员',
    user: 'demo-resident-wang',
    query: (demo) => ({ id: demoRoomId(demo.cloud, '乒乓球室') }),
  },
];
