/** 网格 pictures: 禄口's admin with the street's grids and their teams. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '网格和人员', user: 'demo-admin-lukou' }];
