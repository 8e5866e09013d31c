/** 登记受助人 pictures: the empty form for the 秣陵 admin. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [{ name: '填写', user: 'demo-admin-moling' }];
