/**
 * 合同详情 pictures: the meal-help contract as its buyer sees it (indicators from orders, callbacks and hours, a
 * mid-term evaluation, two tranches paid), and the emergency-skills contract as its provider (reported indicators).
 */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '购买方', user: 'demo-admin-lukou', query: { id: 'contract-lukou-meals' } },
  { name: '承接方', user: 'demo-staff-lantian-1', query: { id: 'contract-dongshan-rescue' }, elder: true },
];
