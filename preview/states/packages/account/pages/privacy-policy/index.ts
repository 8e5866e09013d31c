/** 隐私政策 pictures: the one state the page has (static, from the personal-data registry). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '政策', user: 'demo-resident-wang' }];
