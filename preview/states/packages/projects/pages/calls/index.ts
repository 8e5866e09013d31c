/** 购买服务项目 pictures: 禄口's calls (the round with its contracts, the open 四点半课堂 call). */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '禄口街道', user: 'demo-admin-lukou' }];
