/** 发布项目 pictures: 禄口's admin with the street's demand list. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '新项目', user: 'demo-admin-lukou' }];
