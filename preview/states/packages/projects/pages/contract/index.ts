/**
 * 合同详情 pictures: the meal-help contract as its buyer sees it (indicators from orders, callbacks and hours, a
 * mid-term evaluation, two tranches paid), the emergency-skills contract as its provider (reported indicators), and
 * the meal-help contract with a 补充协议 the provider proposed, waiting for the buyer's signature.
 */
import type { PreviewState } from '../../../../../registry';

export const states: PreviewState[] = [
  { name: '购买方', user: 'demo-admin-lukou', query: { id: 'contract-lukou-meals' } },
  { name: '承接方', user: 'demo-staff-lantian-1', query: { id: 'contract-dongshan-rescue' }, elder: true },
  {
    name: '补充协议待签',
    user: 'demo-admin-lukou',
    query: { id: 'contract-lukou-meals' },
    setup: async (demo) => {
      await demo.ok('projects', 'demo-staff-xinyuan-1', 'proposeAmendment', {
        contractId: 'contract-lukou-meals',
        reason: '居民需求调研后，助餐需求增加，目标单量提高',
        targets: [{ key: 'orders', target: 10 }],
        idempotencyKey: 'preview-amendment-meals',
      });
    },
  },
];
