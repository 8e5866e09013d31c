/** 随手拍 (report) pictures: the form as it opens, with the categories of the matter list. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '报告问题', user: 'demo-resident-wang' }];
