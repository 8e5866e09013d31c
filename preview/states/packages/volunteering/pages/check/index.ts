/** 证明查验 pictures: a genuine code, an unknown one, the empty form. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The code of the certificate the demo seed issued to 赵磊. */
function certificateCode(demo: PreviewDemo): string {
  const found = demo.cloud.store.docs('volunteer_certificates')[0];
  if (!found) throw new Error('the demo seed issued no certificate');
  return String(found._id);
}

export const states: PreviewState[] = [
  { name: '真实有效', user: 'demo-resident-wang', query: (demo) => ({ code: certificateCode(demo) }) },
  { name: '查无此证', user: 'demo-resident-wang', query: { code: 'ABCD-EFGH-JKMN-PQRS' } },
  { name: '空', user: 'demo-resident-wang' },
];
