/** The ranking with its published tie-break, awards down the ranking within budget, and admin decisions. */
import fc from 'fast-check';
import {
  allocate,
  applyDecisions,
  compareCandidates,
  fundedTotal,
  rank,
  TIE_BREAK,
  type Candidate,
} from '../../../cloudfunctions/proposals/domain/ranking';

const c = (id: string, votes: number, budget: number, day = 1): Candidate => ({
  id,
  title: id,
  votes,
  budget,
  submittedAt: new Date(Date.UTC(2026, 0, day)),
});

it('publishes its rule as data', () => {
  expect(TIE_BREAK.keys.map((k) => `${k.field}:${k.order}`)).toEqual([
    'votes:desc',
    'budget:asc',
    'submittedAt:asc',
    'id:asc',
  ]);
  expect(TIE_BREAK.text).toContain('预算少的在前');
});

it('ranks by votes, then cheaper, then earlier, then id; equal votes share a rank', () => {
  const ranked = rank([
    c('d', 5, 3000, 2),
    c('a', 9, 8000),
    c('b', 5, 3000, 1),
    c('c', 5, 2000, 3),
    c('e', 1, 100),
  ]);
  expect(ranked.map((r) => [r.id, r.position, r.rank, r.tied])).toEqual([
    ['a', 1, 1, false],
    ['c', 2, 2, true],
    ['b', 3, 2, true],
    ['d', 4, 2, true],
    ['e', 5, 5, false],
  ]);
});

it('awards down the ranking, skipping what no longer fits and trying the next', () => {
  const awards = allocate(
    rank([c('a', 9, 6000), c('b', 8, 5000), c('c', 7, 3000), c('d', 0, 1000)]),
    10000,
    1,
  );
  expect(awards.map((a) => [a.id, a.funded, a.basis])).toEqual([
    ['a', true, 'ranking'],
    ['b', false, 'budget_exhausted'],
    ['c', true, 'ranking'],
    ['d', false, 'below_min_votes'],
  ]);
  expect(fundedTotal(awards)).toBe(9000);
});

it('applies admin decisions with reasons, refusing ones that change nothing or break the budget', () => {
  const awards = allocate(rank([c('a', 9, 6000), c('b', 8, 5000), c('c', 7, 3000)]), 10000, 1);
  const out = applyDecisions(awards, [{ proposalId: 'c', funded: false, reason: '与已有服务重复' }], 10000);
  expect(out.find((a) => a.id === 'c')).toMatchObject({
    funded: false,
    basis: 'admin',
    reason: '与已有服务重复',
  });
  expect(() => applyDecisions(awards, [{ proposalId: 'b', funded: true, reason: 'x' }], 10000)).toThrow(
    /超过本轮预算/,
  );
  expect(() => applyDecisions(awards, [{ proposalId: 'a', funded: true, reason: 'x' }], 10000)).toThrow(
    '调整有误',
  );
  expect(() => applyDecisions(awards, [{ proposalId: 'zz', funded: true, reason: 'x' }], 10000)).toThrow(
    '调整有误',
  );
  const swap = applyDecisions(
    awards,
    [
      { proposalId: 'a', funded: false, reason: '提案人已搬走' },
      { proposalId: 'b', funded: true, reason: '顺延' },
    ],
    10000,
  );
  expect(fundedTotal(swap)).toBe(8000);
});

const candidates = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    title: fc.constant('t'),
    votes: fc.nat(20),
    budget: fc.integer({ min: 1000, max: 10000 }),
    submittedAt: fc.integer({ min: 0, max: 10 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))),
  }),
  { selector: (x) => x.id, maxLength: 25 },
);

it('property: funded total never exceeds the budget; a skipped proposal did not fit at its turn', () => {
  fc.assert(
    fc.property(candidates, fc.integer({ min: 0, max: 60000 }), fc.nat(3), (cs, total, minVotes) => {
      const awards = allocate(rank(cs), total, minVotes);
      expect(fundedTotal(awards)).toBeLessThanOrEqual(total);
      let left = total;
      for (const a of awards) {
        if (a.basis === 'ranking') left -= a.budget;
        if (a.basis === 'budget_exhausted') expect(a.budget).toBeGreaterThan(left);
        if (a.basis === 'below_min_votes') expect(a.votes).toBeLessThan(minVotes);
      }
    }),
  );
});

it('property: the ranking is a total order consistent with the tie-break, whatever the input order', () => {
  fc.assert(
    fc.property(candidates, (cs) => {
      const ranked = rank(cs);
      const again = rank([...cs].reverse());
      expect(again.map((r) => r.id)).toEqual(ranked.map((r) => r.id));
      for (let i = 1; i < ranked.length; i++) {
        expect(compareCandidates(ranked[i - 1]!, ranked[i]!)).toBeLessThan(0);
        expect(ranked[i - 1]!.votes).toBeGreaterThanOrEqual(ranked[i]!.votes);
      }
    }),
  );
});
