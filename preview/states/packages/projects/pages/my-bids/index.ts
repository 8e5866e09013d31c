/** 我的申报 pictures: 红叶 (a draft, and the round's result with each reviewer's total and its answered complaint). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '红叶', user: 'demo-staff-hongye-1' }];
