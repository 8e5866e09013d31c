/** 录入评估 pictures: the 禄口 admin entering the final evaluation of the meal-help contract (its mid-term is done). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '购买方录入', user: 'demo-admin-lukou', query: { id: 'contract-lukou-meals' } },
];
