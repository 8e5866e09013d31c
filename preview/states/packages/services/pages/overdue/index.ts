/**
 * 逾期与回访 pictures: a street with an escalated order, a street with a check-in away from the service address
 * (with the staff member's reason), a street with nothing overdue.
 */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '有逾期', user: 'demo-admin-moling' },
  { name: '签到异常', user: 'demo-admin-dongshan' },
  { name: '无逾期', user: 'demo-admin-lukou' },
];
