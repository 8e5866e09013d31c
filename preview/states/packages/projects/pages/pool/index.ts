/** 备选库管理 pictures: 东山's street admin, with 红叶's application waiting to be assessed. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '东山街道', user: 'demo-admin-dongshan' }];
