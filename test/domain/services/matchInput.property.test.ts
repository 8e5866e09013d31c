import fc from 'fast-check';
import {
  buildMatchingInput,
  orgOfPair,
  preferenceFor,
  type OpenOrder,
} from '../../../cloudfunctions/services/domain/matchInput';
import { matchOrders } from '../../../cloudfunctions/services/domain/matching/solve';
import type { ItemDoc } from '../../../cloudfunctions/services/documents';
import { violations } from '../../support/matchingChecks';
import { item, org } from '../../support/services/matchingFixtures';

const COMMUNITIES = ['c1', 'c2', 'c3'];
const SLOTS = ['2026-06-03/am', '2026-06-03/pm'];

describe('matching input from documents', () => {
  it('makes one provider per (organization, item) with the places left in each slot', () => {
    const i1 = item('i1', { orgIds: ['a', 'b'], capacityPerSlot: 3, slots: { [SLOTS[0]!]: { a: 2, b: 3 } } });
    const orders: OpenOrder[] = [
      {
        _id: 'o1',
        itemId: 'i1',
        communityId: 'c1',
        slot: SLOTS[0]!,
        beneficiaryId: 'r1',
        excludedOrgIds: ['b'],
        placePath: ['d', 's', 'c1'],
      },
    ];
    const input = buildMatchingInput({
      orders,
      items: new Map([['i1', i1]]),
      orgs: [org('a', ['c1', 'c2']), org('b', ['c1'], { services: ['助洁'] }), org('z', ['c1'])],
      history: [{ beneficiaryId: 'r1', orgId: 'a', itemId: 'i0' }],
    });
    expect(input.providers.map((p) => [p.id, p.slotCapacity, p.specialties, p.communities])).toEqual([
      ['a|i1', { [SLOTS[0]!]: 1 }, ['i1'], ['c1', 'c2']],
      ['b|i1', { [SLOTS[0]!]: 0 }, [], ['c1']],
    ]);
    expect(input.orders[0]).toMatchObject({ category: 'i1', excludeProviders: ['b|i1'], residentId: 'r1' });
    // Served before by a, for another item: half continuity.
    expect(input.history).toEqual([{ residentId: 'r1', providerId: 'a|i1', category: 'i0' }]);
    expect(orgOfPair('a|i1')).toBe('a');
  });

  it('prefers the nearer organization and falls back to the others with room, never an excluded one', () => {
    const [lukou, moling] = ['jn-lukou-lukou', 'jn-moling-moling'];
    const i1 = item('i1', {
      orgIds: ['a', 'b', 'c'],
      communityIds: [lukou],
      capacityPerSlot: 2,
      slots: { [SLOTS[0]!]: { c: 2 } },
    });
    const base = {
      _id: 'o1',
      itemId: 'i1',
      communityId: lukou,
      slot: SLOTS[0]!,
      beneficiaryId: 'r1',
      placePath: ['jn', 'jn-lukou', lukou],
    };
    const docs = {
      items: new Map([['i1', i1]]),
      // b is based in the order's community; a is based in 秣陵, ~15 km away; c is full.
      orgs: [org('a', [moling, lukou]), org('b', [lukou]), org('c', [lukou])],
    };
    expect(preferenceFor({ ...docs, orders: [{ ...base, excludedOrgIds: [] }] }, 'o1')).toEqual(['b', 'a']);
    expect(preferenceFor({ ...docs, orders: [{ ...base, excludedOrgIds: ['b'] }] }, 'o1')).toEqual(['a']);
    expect(preferenceFor({ ...docs, orders: [{ ...base, excludedOrgIds: ['a', 'b'] }] }, 'o1')).toEqual([]);
  });

  it('never breaks a hard constraint: per (organization, item, slot) places, coverage, exclusions, status', () => {
    const orgShape = fc.record({
      communities: fc.subarray(COMMUNITIES, { minLength: 1 }),
      active: fc.boolean(),
    });
    const itemShape = fc.record({
      orgs: fc.subarray([0, 1, 2, 3], { minLength: 1 }),
      communities: fc.subarray(COMMUNITIES, { minLength: 1 }),
      capacity: fc.integer({ min: 1, max: 3 }),
      taken: fc.array(fc.nat(3), { minLength: 8, maxLength: 8 }),
      status: fc.constantFrom('approved', 'approved', 'approved', 'retired' as const),
    });
    const orderShape = fc.record({
      item: fc.nat(2),
      community: fc.constantFrom(...COMMUNITIES),
      slot: fc.constantFrom(...SLOTS),
      resident: fc.nat(4),
      excluded: fc.subarray([0, 1, 2, 3], { maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(orgShape, { minLength: 4, maxLength: 4 }),
        fc.array(itemShape, { minLength: 3, maxLength: 3 }),
        fc.array(orderShape, { maxLength: 20 }),
        (orgShapes, itemShapes, orderShapes) => {
          const orgs = orgShapes.map((o, k) => org(`g${k}`, o.communities, { active: o.active }));
          const items = new Map(
            itemShapes.map((s, k) => {
              const slots: ItemDoc['slots'] = {};
              SLOTS.forEach((slot, j) => {
                slots[slot] = {};
                s.orgs.forEach((g) => (slots[slot]![`g${g}`] = s.taken[j * 4 + g]!));
              });
              return [
                `i${k}`,
                item(`i${k}`, {
                  orgIds: s.orgs.map((g) => `g${g}`),
                  communityIds: s.communities,
                  capacityPerSlot: s.capacity,
                  status: s.status as ItemDoc['status'],
                  slots,
                }),
              ];
            }),
          );
          const orders: OpenOrder[] = orderShapes.map((o, k) => ({
            _id: `o${k}`,
            itemId: `i${o.item}`,
            communityId: o.community,
            slot: o.slot,
            beneficiaryId: `r${o.resident}`,
            excludedOrgIds: o.excluded.map((g) => `g${g}`),
            placePath: ['d', 's', o.community],
          }));
          const input = buildMatchingInput({ orders, items, orgs });
          const result = matchOrders(input);
          expect(violations(input, result)).toEqual([]);
          // The rules restated on the documents themselves.
          const used = new Map<string, number>();
          for (const a of result.assignments) {
            const o = orders.find((x) => x._id === a.orderId)!;
            const it = items.get(o.itemId)!;
            const orgId = orgOfPair(a.providerId);
            const g = orgs.find((x) => x._id === orgId)!;
            expect(it.status).toBe('approved');
            expect(it.orgIds).toContain(orgId);
            expect(
              g.active && g.communityIds.includes(o.communityId) && it.communityIds.includes(o.communityId),
            ).toBe(true);
            expect(o.excludedOrgIds).not.toContain(orgId);
            const key = `${o.itemId}/${o.slot}/${orgId}`;
            used.set(key, (used.get(key) ?? 0) + 1);
            expect((it.slots[o.slot]?.[orgId] ?? 0) + used.get(key)!).toBeLessThanOrEqual(it.capacityPerSlot);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
