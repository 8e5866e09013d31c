import { callbackDue, providerStat } from '../../../cloudfunctions/services/domain/callbacks';
import { demandId, demandView, newDemand } from '../../../cloudfunctions/services/domain/demands';

const now = new Date('2026-06-01T02:00:00Z');

describe('demand list', () => {
  it('keeps one line per community and category', () => {
    expect(demandId('c1', '助浴')).toBe(demandId('c1', '助浴'));
    expect(demandId('c1', '助浴')).not.toBe(demandId('c2', '助浴'));
    expect(demandId('c1', '助浴')).not.toBe(demandId('c1', '助洁'));
  });

  it('shows admins what residents wrote, never who; residents only the counts', () => {
    const doc = newDemand(
      { _id: 'c1', name: '禄口社区', path: ['jn', 'jn-lukou', 'c1'] },
      '其他',
      { id: 'u1', openid: 'o1' },
      '想要理发上门',
      now,
    );
    const admin = demandView(doc, 'u-admin', true);
    expect(admin).toMatchObject({ count: 1, requests: [{ text: '想要理发上门' }], askedByMe: false });
    expect(JSON.stringify(admin)).not.toContain('u1');
    const resident = demandView(doc, 'u1', false);
    expect(resident.requests).toBeUndefined();
    expect(resident.askedByMe).toBe(true);
  });
});

describe('callbacks', () => {
  it('asks admins to phone a day after completion when nobody answered', () => {
    const completedAt = new Date(now.getTime() - 23 * 3600_000);
    expect(callbackDue({ status: 'completed', completedAt }, now)).toBe(false);
    expect(callbackDue({ status: 'completed', completedAt }, new Date(now.getTime() + 3600_000))).toBe(true);
    expect(
      callbackDue(
        {
          status: 'completed',
          completedAt,
          survey: { rating: 5, comment: '', complaint: false, by: 'resident', byId: 'u', at: now },
        },
        new Date(now.getTime() + 3600_000),
      ),
    ).toBe(false);
  });

  it('turns sums into satisfaction and complaint rates', () => {
    expect(
      providerStat(
        { _id: 'o', name: '心苑' },
        {
          _id: 'o',
          completed: 10,
          surveyed: 8,
          ratingSum: 36,
          satisfied: 7,
          complaints: 1,
          open: 3,
          escalated: 0,
        },
      ),
    ).toEqual({
      orgId: 'o',
      orgName: '心苑',
      completed: 10,
      surveyed: 8,
      avgRating: 4.5,
      satisfaction: 0.875,
      complaintRate: 0.125,
      open: 3,
      escalated: 0,
    });
    expect(providerStat({ _id: 'o', name: '心苑' }, undefined)).toMatchObject({
      avgRating: null,
      satisfaction: null,
    });
  });
});
