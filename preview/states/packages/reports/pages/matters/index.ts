/** 事项清单 pictures: 禄口's admin with the street's departments, their staff and matters. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '事项清单', user: 'demo-admin-lukou' }];
