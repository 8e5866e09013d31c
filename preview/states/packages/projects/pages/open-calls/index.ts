/** 正在征集的项目 pictures: 心苑's staff (admitted in 禄口, the 四点半课堂 call open). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '心苑', user: 'demo-staff-xinyuan-1' }];
