/**
 * 收支与票据 pictures: the meal-help contract's provider recording spending (budget lines, the form, the records
 * with receipts), and the 禄口 admin's financial-review view of the same money.
 */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '承接方记账', user: 'demo-staff-xinyuan-1', query: { id: 'contract-lukou-meals' } },
  { name: '购买方查看', user: 'demo-admin-lukou', query: { id: 'contract-lukou-meals' } },
];
