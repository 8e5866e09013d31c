/** A plausible order document for pure domain tests (no database). */
import type { OrderDoc } from '../../../cloudfunctions/services/documents';

/** A submitted order; override any field. */
export function orderFixture(over: Partial<OrderDoc> = {}): OrderDoc {
  const at = new Date('2026-06-01T02:00:00Z');
  return {
    _id: 'o1',
    itemId: 'i1',
    itemName: '助浴上门',
    category: '助浴',
    priceType: 'voucher',
    priceFen: 3000,
    beneficiaryId: 'u-wang',
    beneficiaryName: '王秀英',
    beneficiaryBirthYear: 1942,
    orderedBy: 'u-wang',
    orderedByOpenid: 'demo-resident-wang',
    via: 'self',
    consent: ['ORDER_STATUS', 'SERVICE_SURVEY'],
    communityId: 'jn-lukou-lukou',
    communityName: '禄口社区',
    placePath: ['jn', 'jn-lukou', 'jn-lukou-lukou'],
    point: { longitude: 118.866, latitude: 31.737 },
    address: '江宁区禄口街道禄口社区花园路12号3栋201',
    phone: '13851700101',
    note: '',
    slot: '2026-06-03/am',
    slotStart: new Date('2026-06-03T00:00:00Z'),
    status: 'submitted',
    excludedOrgIds: [],
    rematchCount: 0,
    staffNotified: false,
    subsidy: { status: 'pending', amountFen: 3000 },
    adminNotified: false,
    activeKey: 'u-wang|i1|2026-06-03/am',
    timeline: [
      { event: 'submitted', status: 'submitted', at, by: { id: 'u-wang', name: '王奶奶', role: 'resident' } },
    ],
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
