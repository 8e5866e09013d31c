/** 受助人登记 pictures: the 禄口 admin's registry. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '有数据', user: 'demo-admin-lukou' }];
