import {
  coveringOrgs,
  fenOf,
  isOrderable,
  placesLeft,
  planProposal,
  planReview,
  priceText,
} from '../../../cloudfunctions/services/domain/menu';
import type { ItemDoc } from '../../../cloudfunctions/services/documents';
import type { OrgRef } from '../../../cloudfunctions/common/directory/orgs';

const now = new Date('2026-06-01T02:00:00Z');
const staff = { id: 'u-lin', name: '心苑 社工小林', role: 'provider' as const };
const admin = { id: 'u-liu', name: '禄口街道 刘主任', role: 'admin' as const };
const xinyuan: OrgRef = {
  _id: 'org-x',
  name: '心苑',
  services: ['助浴'],
  communityIds: ['c-lukou', 'c-xinqiao'],
  scopeId: 'jn-lukou',
  scopePath: ['jn', 'jn-lukou'],
  active: true,
};
const proposal = {
  name: '助浴上门',
  category: '助浴' as const,
  description: '两名护理员上门协助洗浴',
  unit: '次',
  priceType: 'voucher' as const,
  priceFen: 3000,
  eligibility: ['age80' as const, 'age80' as const],
  communityIds: ['c-lukou'],
  capacityPerSlot: 2,
  durationMinutes: 90,
};

describe('menu rules', () => {
  it('a proposal belongs to the organization’s scope and starts as proposed', () => {
    const item = planProposal(xinyuan, proposal, staff, now);
    expect(item).toMatchObject({
      status: 'proposed',
      orgIds: ['org-x'],
      orgNames: ['心苑'],
      scopeId: 'jn-lukou',
      scopePath: ['jn', 'jn-lukou'],
      eligibility: ['age80'],
      slots: {},
      history: [{ kind: 'propose', by: staff, at: now }],
    });
  });

  it('refuses communities the organization does not serve, prices that do not fit, a stopped organization', () => {
    expect(() => planProposal(xinyuan, { ...proposal, communityIds: ['c-moling'] }, staff, now)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        issues: [expect.objectContaining({ path: 'communityIds' })],
      }),
    );
    expect(() => planProposal(xinyuan, { ...proposal, priceFen: 0 }, staff, now)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(
      planProposal(xinyuan, { ...proposal, priceType: 'free', priceFen: 500 }, staff, now).priceFen,
    ).toBe(0);
    expect(() => planProposal({ ...xinyuan, active: false }, proposal, staff, now)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('reviews move between the states the table allows, and a rejection needs a reason', () => {
    const table: [
      ItemDoc['status'],
      'approve' | 'reject' | 'retire' | 'restore',
      ItemDoc['status'] | 'CONFLICT',
    ][] = [
      ['proposed', 'approve', 'approved'],
      ['proposed', 'reject', 'rejected'],
      ['rejected', 'approve', 'approved'],
      ['approved', 'retire', 'retired'],
      ['retired', 'restore', 'approved'],
      ['approved', 'approve', 'CONFLICT'],
      ['approved', 'reject', 'CONFLICT'],
      ['proposed', 'retire', 'CONFLICT'],
      ['retired', 'approve', 'CONFLICT'],
      ['rejected', 'restore', 'CONFLICT'],
    ];
    for (const [from, decision, to] of table) {
      const run = () => planReview({ status: from }, decision, '重复项目', admin, now);
      if (to === 'CONFLICT') expect(run).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
      else
        expect(run()).toMatchObject({
          from,
          status: to,
          event: { kind: decision, by: admin, note: '重复项目' },
        });
    }
    expect(() => planReview({ status: 'proposed' }, 'reject', '', admin, now)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('is orderable only when approved, available in the community and offered by an active organization there', () => {
    const item = { status: 'approved' as const, communityIds: ['c-lukou'], orgIds: ['org-x'] };
    expect(isOrderable(item, [xinyuan], 'c-lukou')).toBe(true);
    expect(isOrderable({ ...item, status: 'retired' }, [xinyuan], 'c-lukou')).toBe(false);
    expect(isOrderable(item, [xinyuan], 'c-xinqiao')).toBe(false);
    expect(isOrderable(item, [{ ...xinyuan, active: false }], 'c-lukou')).toBe(false);
    expect(coveringOrgs(item, [xinyuan, { ...xinyuan, _id: 'org-y' }], 'c-lukou').map((o) => o._id)).toEqual([
      'org-x',
    ]);
  });

  it('counts places left per slot across the organizations, never below zero', () => {
    const item = {
      capacityPerSlot: 2,
      slots: { '2026-06-03/am': { a: 2, b: 1 }, '2026-06-03/pm': { a: 5 } },
    };
    expect(placesLeft(item, ['a', 'b'], '2026-06-03/am')).toBe(1);
    expect(placesLeft(item, ['a', 'b'], '2026-06-03/pm')).toBe(2);
    expect(placesLeft(item, ['a', 'b'], '2026-06-04/am')).toBe(4);
  });

  it('shows prices in yuan', () => {
    expect(fenOf(12.35)).toBe(1235);
    expect(priceText('free', 0)).toBe('免费');
    expect(priceText('voucher', 3000)).toBe('30 元，用补贴券抵扣');
    expect(priceText('lowcost', 1250)).toBe('低偿 12.5 元');
  });
});
