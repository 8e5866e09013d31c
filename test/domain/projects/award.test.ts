/**
 * Ranking, award and contracts (pure): the published tie-break, the budget ceiling, the pass mark, a single
 * purchase awarding one, who still owes a score, and the contract an award makes.
 */
import { missingScores, rankBids } from '../../../cloudfunctions/projects/domain/award';
import { contractOf, trancheAmounts } from '../../../cloudfunctions/projects/domain/contracts';
import type { BidDoc, CallDoc, Prequalification } from '../../../cloudfunctions/projects/documents';

const at = (n: number) => new Date(Date.UTC(2026, 11, 1, n));
const bidOf = (id: string, totalFen: number, hour: number) =>
  ({ _id: id, orgId: `o-${id}`, orgName: `机构${id}`, totalFen, submittedAt: at(hour) }) as BidDoc;
const q = (id: string, passed = true): Prequalification => ({
  bidId: id,
  orgId: `o-${id}`,
  passed,
  reason: '',
  code: `方案${id}`,
});
const venture = { kind: 'venture' as const, budgetCeilingFen: 100_000, passScore: 60 };

test('ranks by score, then the median, then the lower total, then the earlier submission', () => {
  const bids = [bidOf('a', 40_000, 3), bidOf('b', 30_000, 2), bidOf('c', 30_000, 1), bidOf('d', 10_000, 1)];
  const scores = [
    ...[70, 80, 90].map((total) => ({ bidId: 'a', total })),
    ...[80, 80, 80].map((total) => ({ bidId: 'b', total })),
    ...[80, 80, 80].map((total) => ({ bidId: 'c', total })),
    ...[85, 80, 75, 10].map((total) => ({ bidId: 'd', total })),
  ];
  const r = rankBids(
    venture,
    ['a', 'b', 'c', 'd'].map((x) => q(x)),
    bids,
    scores,
  );
  // a, b, c, d all aggregate 80; medians 80, 80, 80, 77.5; a is dearer than b and c; c was earlier than b.
  expect(r.map((x) => x.bidId)).toEqual(['c', 'b', 'a', 'd']);
});

test('awards down the ranking within the ceiling, skipping what does not fit, never below the pass mark', () => {
  const bids = [bidOf('a', 60_000, 1), bidOf('b', 50_000, 1), bidOf('c', 40_000, 1), bidOf('d', 10_000, 1)];
  const s = (bidId: string, total: number) => [{ bidId, total }];
  const r = rankBids(
    venture,
    ['a', 'b', 'c', 'd', 'e'].map((x) => q(x)),
    bids,
    [...s('a', 90), ...s('b', 85), ...s('c', 80), ...s('d', 50)],
  );
  expect(r.map((x) => [x.bidId, x.awarded, x.note])).toEqual([
    ['a', true, ''],
    ['b', false, '超出剩余预算'],
    ['c', true, ''],
    ['d', false, '未达到60分的入围线'],
  ]);
  const one = rankBids({ ...venture, kind: 'purchase' }, [q('a'), q('c')], bids, [
    ...s('a', 90),
    ...s('c', 80),
  ]);
  expect(one.map((x) => x.awarded)).toEqual([true, false]);
});

test('a conflicted reviewer owes no score on that bid; a failed bid is owed by nobody', () => {
  const call = {
    reviewerIds: ['r1', 'r2'],
    conflicts: { r1: { orgIds: ['o-a'], at: at(0) }, r2: { orgIds: [], at: at(0) } },
    prequalification: [q('a'), q('b'), q('c', false)],
  };
  expect(missingScores(call, [{ bidId: 'b', reviewerId: 'r1' }])).toEqual([
    { reviewerId: 'r2', bidId: 'a' },
    { reviewerId: 'r2', bidId: 'b' },
  ]);
});

test('tranches add up to the total; the contract carries the call’s terms and the bid’s numbers', () => {
  expect(trancheAmounts(100_001, [30, 40, 30])).toEqual([30_000, 40_000, 30_001]);
  const call = {
    _id: 'call1',
    title: '助餐',
    category: '为老服务',
    streetId: 'jn-lukou',
    streetName: '禄口街道',
    scopePath: ['jn', 'jn-lukou'],
    communityIds: ['x'],
    communityNames: ['禄口社区'],
    period: { from: at(0), to: at(240) },
    supervisor: { name: '区委社会工作部', userIds: ['u9'] },
    indicatorTemplates: [
      {
        key: 'n',
        label: '服务人次',
        kind: 'quantity',
        source: { kind: 'report' },
        unit: '人次',
        minTarget: 10,
      },
    ],
    paymentTerms: [
      { key: 's', label: '首付', percent: 50, condition: { kind: 'signed' } },
      {
        key: 'f',
        label: '尾款',
        percent: 50,
        condition: { kind: 'evaluation', stage: 'final', minGrade: '合格' },
      },
    ],
  } as unknown as CallDoc;
  const bid = {
    ...bidOf('a', 90_001, 1),
    callId: 'call1',
    targets: [{ key: 'n', target: 30 }],
    budgetLines: [{ key: 'b1', label: '人员', amountFen: 90_001 }],
  } as BidDoc;
  const c = contractOf(call, bid, { id: 'u1', name: '刘芳' }, at(300));
  expect(c).toMatchObject({
    status: 'signing',
    amountFen: 90_001,
    parties: { buyer: { name: '禄口街道' }, provider: { orgId: 'o-a' }, supervisor: { userIds: ['u9'] } },
    indicators: [{ key: 'n', target: 30, source: { kind: 'report' } }],
    signatures: [],
  });
  expect(c.tranches.map((t) => t.amountFen)).toEqual([45_000, 45_001]);
  expect(c.milestones.map((m) => m.key)).toEqual(['mid', 'final']);
});
