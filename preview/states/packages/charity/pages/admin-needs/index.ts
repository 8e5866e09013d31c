/** 微心愿管理 pictures: the 秣陵 admin's open needs. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '开放中', user: 'demo-admin-moling' }];
