/** 补充协议 pictures: the meal-help contract's provider proposing changed targets, dates and budget lines. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '承接方提出', user: 'demo-staff-xinyuan-1', query: { id: 'contract-lukou-meals' } },
];
