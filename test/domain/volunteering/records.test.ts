/** The service record: CSV quoting and defusing, masking by exporter, totals and badges. */
import { toCsv } from '../../../cloudfunctions/volunteering/domain/csv';
import { recordCsv, summarize, type SignupHours } from '../../../cloudfunctions/volunteering/domain/records';

const group = (over: Partial<SignupHours>): SignupHours => ({
  _id: 's1',
  volunteerId: 'v1',
  volunteerName: '赵磊',
  activityTitle: '地震逃生演练',
  activityStartAt: new Date('2026-04-18T01:00:00Z'),
  organizerName: '南京红叶社会工作服务社',
  communityName: '秣陵社区',
  pending: 0,
  verified: 150,
  verifiedFlags: [false, true],
  autoClosedFlags: [null, null],
  reasons: [null, null],
  ...over,
});

describe('CSV', () => {
  it('starts with a BOM, ends lines with CRLF, quotes and defuses cells', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x,y', '=1+1'],
        ['say "hi"', -3],
      ],
    );
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(csv).toContain('"x,y",\'=1+1\r\n');
    expect(csv).toContain('"say ""hi""",-3\r\n');
  });

  it('shows names in full to the scope admin and masked to anyone else', () => {
    const groups = [
      group({}),
      group({
        _id: 's2',
        volunteerName: '王秀英',
        pending: 120,
        verified: 0,
        verifiedFlags: [false],
        autoClosedFlags: [true],
        reasons: ['提前离开'],
      }),
    ];
    const full = recordCsv(groups, { maskNames: false });
    const masked = recordCsv(groups, { maskNames: true });
    expect(full).toContain('1,赵磊,地震逃生演练,2026-04-18,2.5,南京红叶社会工作服务社,秣陵社区,已确认,');
    expect(full).toContain(
      '2,王秀英,地震逃生演练,2026-04-18,2,南京红叶社会工作服务社,秣陵社区,待确认,系统自动签退；提前离开',
    );
    expect(masked).toContain('1,赵*,');
    expect(masked).not.toContain('赵磊');
    expect(masked).not.toContain('王秀英');
  });

  it('totals verified and unverified minutes separately; activities count once verified', () => {
    const s = summarize([group({}), group({ _id: 's2', pending: 60, verified: 0, verifiedFlags: [false] })]);
    expect(s).toMatchObject({ verifiedMinutes: 150, pendingMinutes: 60, activityCount: 1 });
    expect(s.badge?.name).toBe('初心志愿者');
  });
});
