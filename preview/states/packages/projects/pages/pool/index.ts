/** 备选库管理 pictures: 禄口's street admin (the waiting list is empty: the admitted tab is the demo's story). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '禄口街道', user: 'demo-admin-lukou' }];
