import fc from 'fast-check';
import {
  allowedActions,
  canSee,
  relationTo,
  revealsContact,
} from '../../../cloudfunctions/services/domain/access';
import { orderView } from '../../../cloudfunctions/services/domain/views';
import { ORDER_STATUSES } from '../../../cloudfunctions/services/contract';
import type { RoleGrant } from '../../../cloudfunctions/common/directory/users';
import { orderFixture } from '../../support/services/orderFixture';

const now = new Date('2026-06-02T02:00:00Z');
const grant = (g: Partial<RoleGrant>): RoleGrant => ({
  role: 'provider',
  grantedBy: 'x',
  grantedAt: now,
  ...g,
});
const people = {
  wang: { user: { _id: 'u-wang', nickname: '王奶奶', roles: [] }, elderIds: [] },
  zhang: { user: { _id: 'u-zhang', nickname: '张明', roles: [] }, elderIds: ['u-wang'] },
  lin: { user: { _id: 'u-lin', nickname: '小林', roles: [grant({ orgId: 'org-x' })] }, elderIds: [] },
  he: { user: { _id: 'u-he', nickname: '老何', roles: [grant({ orgId: 'org-x' })] }, elderIds: [] },
  song: { user: { _id: 'u-song', nickname: '小宋', roles: [grant({ orgId: 'org-h' })] }, elderIds: [] },
  liu: {
    user: { _id: 'u-liu', nickname: '刘主任', roles: [grant({ role: 'admin', scopeId: 'jn-lukou' })] },
    elderIds: [],
  },
  wu: {
    user: { _id: 'u-wu', nickname: '吴书记', roles: [grant({ role: 'admin', scopeId: 'jn-moling' })] },
    elderIds: [],
  },
  chen: { user: { _id: 'u-chen', nickname: '陈芳', roles: [] }, elderIds: ['u-sun'] },
};

describe('who sees what of an order', () => {
  const accepted = orderFixture({ status: 'accepted', orgId: 'org-x', orgName: '心苑', staffId: 'u-lin' });

  it('shows it to the people involved only', () => {
    const seen = Object.entries(people)
      .filter(([, v]) => canSee(relationTo(v, accepted)))
      .map(([k]) => k);
    expect(seen.sort()).toEqual(['he', 'lin', 'liu', 'wang', 'zhang']);
  });

  it('reveals address, phone and name only to the staff member who accepted, while the work is under way', () => {
    const view = orderView(accepted, relationTo(people.lin, accepted), now);
    expect(view).toMatchObject({
      address: accepted.address,
      phone: '13851700101',
      beneficiaryName: '王秀英',
      contactRevealed: true,
    });
    for (const who of ['zhang', 'he', 'liu'] as const) {
      const v = orderView(accepted, relationTo(people[who], accepted), now);
      expect(v).toMatchObject({ phone: '138****0101', beneficiaryName: '王*', contactRevealed: false });
      expect(JSON.stringify(v)).not.toContain('花园路');
    }
    // Her own data is hers: she sees it in full, though she is not the one to call.
    const own = orderView(accepted, relationTo(people.wang, accepted), now);
    expect(own).toMatchObject({ phone: '13851700101', beneficiaryName: '王秀英', contactRevealed: false });
    const done = { ...accepted, status: 'completed' as const };
    expect(orderView(done, relationTo(people.lin, done), now).contactRevealed).toBe(false);
  });

  it('never reveals contact to anyone but the assigned staff at work, the admin calling back, or herself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORDER_STATUSES),
        fc.constantFrom(...(Object.keys(people) as (keyof typeof people)[])),
        fc.constantFrom(undefined, 'u-lin', 'u-he'),
        (status, who, staffId) => {
          const order = orderFixture({ status, orgId: 'org-x', ...(staffId ? { staffId } : {}) });
          const r = relationTo(people[who], order);
          const view = orderView(order, r, now);
          const callingBack = who === 'liu' && status === 'completed';
          if (view.contactRevealed && !callingBack) expect(people[who].user._id).toBe(staffId);
          if (callingBack) expect(view.contactRevealed).toBe(!order.survey);
          if (!view.contactRevealed && who !== 'wang')
            expect(JSON.stringify(view)).not.toContain('13851700101');
          expect(revealsContact(r, order)).toBe(view.contactRevealed);
        },
      ),
    );
  });

  it('offers each role its own actions', () => {
    const matched = orderFixture({ status: 'matched', orgId: 'org-x' });
    expect(allowedActions(relationTo(people.wang, matched), matched)).toMatchObject({
      cancel: true,
      accept: false,
    });
    expect(allowedActions(relationTo(people.zhang, matched), matched)).toMatchObject({ cancel: true });
    expect(allowedActions(relationTo(people.he, matched), matched)).toMatchObject({
      accept: true,
      decline: true,
      cancel: false,
    });
    expect(allowedActions(relationTo(people.song, matched), matched)).toMatchObject({ accept: false });
    expect(allowedActions(relationTo(people.wang, accepted), accepted)).toMatchObject({ cancel: false });
    expect(allowedActions(relationTo(people.liu, accepted), accepted)).toMatchObject({ cancel: true });
    expect(allowedActions(relationTo(people.lin, accepted), accepted)).toMatchObject({ checkIn: true });
    expect(allowedActions(relationTo(people.he, accepted), accepted)).toMatchObject({ checkIn: false });
    const completed = orderFixture({ status: 'completed', orgId: 'org-x', staffId: 'u-lin' });
    expect(allowedActions(relationTo(people.zhang, completed), completed)).toMatchObject({ rate: true });
    expect(allowedActions(relationTo(people.liu, completed), completed)).toMatchObject({ callback: true });
    expect(allowedActions(relationTo(people.wu, completed), completed)).toMatchObject({ callback: false });
  });
});
