/** 报送月报 pictures: 蓝天's staff reporting the emergency-skills training of this month. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '承接方', user: 'demo-staff-lantian-1', query: { id: 'contract-dongshan-rescue' } },
];
