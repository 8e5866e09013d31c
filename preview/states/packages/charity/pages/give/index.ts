/** 捐给超市 pictures: the form. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '填写', user: 'demo-resident-chen' }];
