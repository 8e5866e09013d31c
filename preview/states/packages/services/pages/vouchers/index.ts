/** 补贴券 pictures: an elder's balance and ledger, a family member looking at it, someone without vouchers. */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '本人', user: 'demo-resident-wang', elder: true },
  {
    name: '家属查看',
    user: 'demo-resident-zhang',
    query: (demo) => ({ for: demo.userId('demo-resident-wang') }),
  },
  { name: '没有补贴', user: 'demo-resident-zhang' },
];
