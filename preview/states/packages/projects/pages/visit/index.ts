/** 记录走访 pictures: the district's supervisor visiting the 禄口 meal-help service. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '监管方', user: 'demo-admin-jiangning', query: { id: 'contract-lukou-meals' } },
];
