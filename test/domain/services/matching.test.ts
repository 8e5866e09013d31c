import { generateMatchingInstance } from '../../../bench/support/matchingInstances';
import { buildCandidateGraph } from '../../../cloudfunctions/services/domain/matching/candidates';
import { haversineKm } from '../../../cloudfunctions/services/domain/matching/geo';
import {
  capacityInSlot,
  combineTerms,
  compileProvider,
  continuityTerm,
  edgeScore,
  feasible,
  indexHistory,
  isFeasible,
  MAX_EDGE_SCORE,
  NEUTRAL_RATING,
  SCORE_WEIGHTS,
  scoreAssignment,
  scoreTerms,
} from '../../../cloudfunctions/services/domain/matching/score';
import { matchOrders, PRODUCTION_SOLVER } from '../../../cloudfunctions/services/domain/matching/solve';
import type {
  MatchStaff,
  MatchingInput,
  SolverName,
} from '../../../cloudfunctions/services/domain/matching/types';
import { bruteForceOptimum, isOptimal, objectiveOf, violations } from '../../support/matchingChecks';
import { east, HOME, order, provider } from '../../support/services/matchingFixtures';

const SOLVERS: readonly SolverName[] = ['greedy', 'production', 'exact'];

describe('haversineKm', () => {
  it('measures one degree of latitude as ~111.2 km and a point to itself as 0', () => {
    expect(haversineKm({ lat: 31, lng: 118 }, { lat: 32, lng: 118 })).toBeCloseTo(111.19, 1);
    expect(haversineKm(HOME, HOME)).toBe(0);
    expect(haversineKm(HOME, east(5))).toBeCloseTo(5, 1);
  });
});

describe('score', () => {
  it('has weights summing to 100, so a perfect edge scores MAX_EDGE_SCORE', () => {
    const sum = Object.values(SCORE_WEIGHTS).reduce((s, w) => s + w, 0);
    expect(sum).toBe(100);
    const perfect = provider('p', { specialties: ['助餐'], homeCommunities: ['c1'], rating: 5 });
    const o = order('o');
    const history = [{ residentId: o.residentId, providerId: 'p', category: '助餐' }];
    expect(scoreAssignment(o, perfect, history)).toBe(MAX_EDGE_SCORE);
  });

  it('computes each term as documented', () => {
    const p = provider('p', { rating: undefined, currentLoad: 20, location: east(3) });
    const t = scoreTerms(order('o'), compileProvider(p), 0);
    expect(t.category).toBe(0.6); // offered, not a specialty
    expect(t.coverage).toBe(0.6); // covered, not contracted
    expect(t.distance).toBeCloseTo(0.5, 3); // halves at 3 km
    expect(t.load).toBe(0.5); // halves at 20 open orders
    expect(t.rating).toBe(NEUTRAL_RATING / 5);
    expect(t.continuity).toBe(0);
  });

  it('gives continuity 1 for the same provider and category, 0.5 for another category, 0 otherwise', () => {
    const o = order('o');
    const history = indexHistory([
      { residentId: o.residentId, providerId: 'a', category: '助洁' },
      { residentId: o.residentId, providerId: 'b', category: '助餐' },
    ]);
    expect(continuityTerm(o, 'b', history.get(o.residentId))).toBe(1);
    expect(continuityTerm(o, 'a', history.get(o.residentId))).toBe(0.5);
    expect(continuityTerm(o, 'z', history.get(o.residentId))).toBe(0);
    expect(continuityTerm(o, 'a', undefined)).toBe(0);
  });

  it('clamps ratings and loads and prefers closer, better, less loaded providers', () => {
    const o = order('o');
    const base = scoreAssignment(o, provider('p'));
    expect(scoreAssignment(o, provider('p', { location: east(2) }))).toBeLessThan(base);
    expect(scoreAssignment(o, provider('p', { rating: 5 }))).toBeGreaterThan(base);
    expect(scoreAssignment(o, provider('p', { currentLoad: 10 }))).toBeLessThan(base);
    expect(scoreAssignment(o, provider('p', { rating: 9 }))).toBe(
      scoreAssignment(o, provider('p', { rating: 5 })),
    );
    expect(scoreAssignment(o, provider('p', { currentLoad: -3 }))).toBe(base);
  });

  it('edgeScore equals combineTerms(scoreTerms(...)) on every feasible pair of a generated instance', () => {
    const input = generateMatchingInstance({ orders: 200, providers: 30, seed: 5 });
    const history = indexHistory(input.history);
    let checked = 0;
    for (const o of input.orders) {
      for (const p of input.providers) {
        const facts = compileProvider(p);
        if (!isFeasible(o, facts)) continue;
        const c = continuityTerm(o, p.id, history.get(o.residentId));
        const s = edgeScore(o, facts, c);
        expect(s).toBe(combineTerms(scoreTerms(o, facts, c)));
        expect(Number.isInteger(s) && s >= 0 && s <= MAX_EDGE_SCORE).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('feasible', () => {
  it('requires the category, the community and every required qualification', () => {
    const p = provider('p', { categories: ['助餐', '康复护理'], qualifications: ['certified:康复护理'] });
    expect(feasible(order('o'), p)).toBe(true);
    expect(feasible(order('o', { category: '助浴' }), p)).toBe(false);
    expect(feasible(order('o', { communityId: 'c2' }), p)).toBe(false);
    expect(feasible(order('o', { category: '康复护理', requires: ['certified:康复护理'] }), p)).toBe(true);
    expect(feasible(order('o', { requires: ['certified:助医'] }), p)).toBe(false);
    expect(feasible(order('o', { requires: [] }), p)).toBe(true);
  });
});

describe('capacityInSlot', () => {
  it('reads the slot, then the default, then 0; floors and clamps; ignores prototype keys', () => {
    const p = provider('p', {
      slotCapacity: { 'mon/am': 3, 'sun/am': 0, odd: 2.7, bad: -1 },
      defaultSlotCapacity: 2,
    });
    expect(capacityInSlot(p, 'mon/am')).toBe(3);
    expect(capacityInSlot(p, 'sun/am')).toBe(0);
    expect(capacityInSlot(p, 'tue/am')).toBe(2);
    expect(capacityInSlot(p, 'odd')).toBe(2);
    expect(capacityInSlot(p, 'bad')).toBe(0);
    expect(capacityInSlot(provider('q', { defaultSlotCapacity: undefined }), 'mon/am')).toBe(0);
    expect(capacityInSlot(provider('q', { slotCapacity: {} }), 'constructor')).toBe(1);
    expect(capacityInSlot(provider('q', { defaultSlotCapacity: 0 }), 'constructor')).toBe(0);
  });

  it('is capped by the staff working the slot when staff are modelled', () => {
    const staff: MatchStaff[] = [
      { id: 's1', slots: { 'mon/am': 1 } },
      { id: 's2', slots: { 'mon/am': 2, 'tue/am': 1 } },
    ];
    const p = provider('p', { defaultSlotCapacity: 5, staff });
    expect(capacityInSlot(p, 'mon/am')).toBe(3);
    expect(capacityInSlot(p, 'tue/am')).toBe(1);
    expect(capacityInSlot(p, 'wed/am')).toBe(0);
    expect(capacityInSlot(provider('p', { defaultSlotCapacity: 5, staff: [] }), 'mon/am')).toBe(0);
  });
});

describe('matchOrders', () => {
  it('returns an empty result for empty inputs', () => {
    for (const solver of SOLVERS) {
      expect(matchOrders({ orders: [], providers: [] }, { solver })).toEqual({
        assignments: [],
        unassigned: [],
        totalScore: 0,
        solver: solver === 'production' ? PRODUCTION_SOLVER : solver,
      });
      expect(matchOrders({ orders: [], providers: [provider('p')] }, { solver }).assignments).toEqual([]);
    }
  });

  it('explains unassigned orders from the most structural reason down', () => {
    const input: MatchingInput = {
      orders: [
        order('o1', { communityId: 'c9' }),
        order('o2', { requires: ['certified:助餐'] }),
        order('o3', { slot: 'sun/am' }),
        order('o4'),
        order('o5'),
      ],
      providers: [provider('p', { slotCapacity: { 'sun/am': 0 } })],
    };
    for (const solver of SOLVERS) {
      const result = matchOrders(input, { solver });
      expect(result.assignments.map((a) => a.orderId)).toEqual(['o4']);
      expect(result.unassigned).toEqual([
        { orderId: 'o1', reason: 'NO_COVERING_PROVIDER' },
        { orderId: 'o2', reason: 'NOT_ELIGIBLE' },
        { orderId: 'o3', reason: 'NO_CAPACITY_IN_SLOT' },
        { orderId: 'o5', reason: 'CAPACITY_EXHAUSTED' },
      ]);
      expect(violations(input, result)).toEqual([]);
    }
  });

  it('fills capacity exactly to the boundary, per slot', () => {
    const input: MatchingInput = {
      orders: ['a', 'b', 'c', 'd', 'e'].map((id, k) => order(id, { slot: k < 3 ? 'mon/am' : 'mon/pm' })),
      providers: [provider('p', { slotCapacity: { 'mon/am': 2, 'mon/pm': 2 } })],
    };
    for (const solver of SOLVERS) {
      const result = matchOrders(input, { solver });
      expect(result.assignments.map((a) => a.orderId)).toEqual(['a', 'b', 'd', 'e']);
      expect(result.unassigned).toEqual([{ orderId: 'c', reason: 'CAPACITY_EXHAUSTED' }]);
    }
  });

  it('serves more orders than greedy when greedy takes the only provider of another order', () => {
    // o1 is best served by near (score high) but can also go to far; o2 is in a community only near covers.
    const input: MatchingInput = {
      orders: [order('o1'), order('o2', { communityId: 'c2', location: east(1) })],
      providers: [provider('near', { communities: ['c1', 'c2'] }), provider('far', { location: east(6) })],
    };
    const greedy = matchOrders(input, { solver: 'greedy' });
    expect(greedy.assignments.map((a) => [a.orderId, a.providerId])).toEqual([['o1', 'near']]);
    expect(greedy.unassigned).toEqual([{ orderId: 'o2', reason: 'CAPACITY_EXHAUSTED' }]);
    const exact = matchOrders(input, { solver: 'exact' });
    expect(exact.assignments.map((a) => [a.orderId, a.providerId])).toEqual([
      ['o1', 'far'],
      ['o2', 'near'],
    ]);
    expect(objectiveOf(exact)).toEqual(bruteForceOptimum(input));
  });

  it('prefers one more assigned order to any amount of score (lexicographic objective)', () => {
    // o1 with `star` is a perfect match (10,000); o1 with `weak` and o2 with `star` are poor matches whose
    // sum is below 10,000. Pure score would leave o2 out; the lexicographic objective serves both.
    const o1 = order('o1');
    const o2 = order('o2', { communityId: 'c2', location: east(25), category: '助洁' });
    const star = provider('star', {
      categories: ['助餐', '助洁'],
      specialties: ['助餐'],
      communities: ['c1', 'c2'],
      homeCommunities: ['c1'],
      rating: 5,
    });
    const weak = provider('weak', { location: east(30), rating: 0, currentLoad: 10_000 });
    const input: MatchingInput = {
      orders: [o1, o2],
      providers: [star, weak],
      history: [{ residentId: o1.residentId, providerId: 'star', category: '助餐' }],
    };
    const perfect = scoreAssignment(o1, star, input.history);
    const pair = scoreAssignment(o1, weak, input.history) + scoreAssignment(o2, star, input.history);
    expect(perfect).toBe(MAX_EDGE_SCORE);
    expect(pair).toBeLessThan(perfect);
    const exact = matchOrders(input, { solver: 'exact' });
    expect(exact.assignments.map((a) => a.providerId)).toEqual(['weak', 'star']);
    expect(exact.totalScore).toBe(pair);
    expect(matchOrders(input, { solver: 'greedy' }).totalScore).toBe(perfect);
  });

  it('moves several orders along a chain when that serves one more (long augmenting path)', () => {
    // Order k is best served by provider k (same spot) and can also use provider k+1 (3 km on); every provider
    // has room for one. The last order, oX, can only use provider 0, which o0 already has. Serving all takes
    // shifting every o_k one provider along.
    const n = 6;
    const orders = [
      ...Array.from({ length: n }, (_, k) => order(`o${k}`, { communityId: `c${k}`, location: east(3 * k) })),
      order('oX', { communityId: 'cX' }),
    ];
    const providers = Array.from({ length: n + 1 }, (_, j) =>
      provider(`p${j}`, {
        communities: j === 0 ? ['c0', 'cX'] : [`c${j}`, `c${j - 1}`],
        location: east(3 * j),
      }),
    );
    const input = { orders, providers };
    const greedy = matchOrders(input, { solver: 'greedy' });
    expect(greedy.assignments).toHaveLength(n);
    expect(greedy.unassigned).toEqual([{ orderId: 'oX', reason: 'CAPACITY_EXHAUSTED' }]);
    const exact = matchOrders(input, { solver: 'exact' });
    expect(exact.assignments.map((a) => [a.orderId, a.providerId])).toEqual([
      ...Array.from({ length: n }, (_, k) => [`o${k}`, `p${k + 1}`]),
      ['oX', 'p0'],
    ]);
    expect(objectiveOf(exact)).toEqual(bruteForceOptimum(input));
    expect(isOptimal(input, exact)).toBe(true);
  });

  it('breaks ties by id, whatever the input order', () => {
    const twins = [provider('p-b'), provider('p-a')];
    const orders = [order('o2'), order('o1')];
    for (const solver of SOLVERS) {
      const a = matchOrders({ orders, providers: twins }, { solver });
      const b = matchOrders({ orders: [...orders].reverse(), providers: [...twins].reverse() }, { solver });
      expect(a).toEqual(b);
      // Two identical providers with room for one each: the lower order id gets the lower provider id.
      expect(a.assignments.map((x) => [x.orderId, x.providerId])).toEqual([
        ['o1', 'p-a'],
        ['o2', 'p-b'],
      ]);
    }
    const one = matchOrders({ orders: [order('o')], providers: twins });
    expect(one.assignments[0].providerId).toBe('p-a');
  });

  it('rejects duplicate ids', () => {
    expect(() => matchOrders({ orders: [order('o'), order('o')], providers: [] })).toThrow(
      /duplicate order id/,
    );
    expect(() => matchOrders({ orders: [], providers: [provider('p'), provider('p')] })).toThrow(
      /duplicate provider id/,
    );
  });

  it('matches the brute-force optimum on small generated instances', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const input = generateMatchingInstance({ orders: 7, providers: 3, seed, communities: 2, days: 1 });
      const exact = matchOrders(input, { solver: 'exact' });
      expect(violations(input, exact)).toEqual([]);
      expect(objectiveOf(exact)).toEqual(bruteForceOptimum(input));
    }
  });

  it('is certified optimal (no negative residual cycle) on a mid-sized generated instance', () => {
    const input = generateMatchingInstance({
      orders: 300,
      providers: 30,
      seed: 11,
      communities: 12,
      days: 2,
    });
    const exact = matchOrders(input, { solver: 'exact' });
    expect(violations(input, exact)).toEqual([]);
    expect(isOptimal(input, exact)).toBe(true);
    expect(isOptimal(input, matchOrders(input, { solver: 'greedy' }))).toBe(false);
  });

  it('keeps top-K candidates per order when asked, best first', () => {
    const input = generateMatchingInstance({ orders: 100, providers: 40, seed: 3, communities: 5 });
    const all = buildCandidateGraph(input);
    const top = buildCandidateGraph(input, { topK: 2 });
    for (let i = 0; i < all.orders.length; i++) {
      const degree = all.edgeStart[i + 1] - all.edgeStart[i];
      expect(top.edgeStart[i + 1] - top.edgeStart[i]).toBe(Math.min(2, degree));
      for (let k = 0; k < Math.min(2, degree); k++) {
        expect(top.edgeScore[top.edgeStart[i] + k]).toBe(all.edgeScore[all.edgeStart[i] + k]);
      }
      for (let e = all.edgeStart[i] + 1; e < all.edgeStart[i + 1]; e++) {
        expect(all.edgeScore[e]).toBeLessThanOrEqual(all.edgeScore[e - 1]);
      }
    }
  });
});

describe('staff assignment', () => {
  const staff: MatchStaff[] = [
    { id: 's-a', slots: { 'mon/am': 1 } },
    { id: 's-b', slots: { 'mon/am': 2 } },
    { id: 's-c', slots: { 'tue/am': 3 } },
  ];

  it('gives a resident the staff member who served them before, if they work the slot and have room', () => {
    const o3 = order('o3');
    const input: MatchingInput = {
      orders: [order('o1'), order('o2'), o3],
      providers: [provider('p', { defaultSlotCapacity: 9, staff })],
      history: [{ residentId: o3.residentId, providerId: 'p', category: '助餐', staffId: 's-a' }],
    };
    const result = matchOrders(input);
    expect(violations(input, result)).toEqual([]);
    // o3 keeps s-a; the others share what is left, most room first (s-b), then ties by id.
    expect(result.assignments.map((a) => [a.orderId, a.staffId])).toEqual([
      ['o1', 's-b'],
      ['o2', 's-b'],
      ['o3', 's-a'],
    ]);
  });

  it('falls back when the preferred staff member is not working that slot', () => {
    const o1 = order('o1');
    const input: MatchingInput = {
      orders: [o1],
      providers: [provider('p', { defaultSlotCapacity: 9, staff })],
      history: [{ residentId: o1.residentId, providerId: 'p', category: '助洁', staffId: 's-c' }],
    };
    expect(matchOrders(input).assignments[0].staffId).toBe('s-b');
  });

  it('leaves staffId out for providers that do not model staff', () => {
    expect(
      matchOrders({ orders: [order('o')], providers: [provider('p')] }).assignments[0],
    ).not.toHaveProperty('staffId');
  });
});

describe('excluded providers (declined or lapsed)', () => {
  const base = {
    category: '助浴',
    communityId: 'c1',
    location: { lat: 31.9, lng: 118.8 },
    slot: 'mon/am',
    residentId: 'r1',
  };
  const provider = (id: string, lat: number) => ({
    id,
    categories: ['助浴'],
    communities: ['c1'],
    location: { lat, lng: 118.8 },
    currentLoad: 0,
    defaultSlotCapacity: 1,
  });

  it('moves the order to the next provider, or leaves it NOT_ELIGIBLE when every one is excluded', () => {
    const providers = [provider('near', 31.9), provider('far', 31.95)];
    for (const solver of ['greedy', 'exact'] as const) {
      expect(matchOrders({ orders: [{ id: 'o1', ...base }], providers }, { solver }).assignments).toEqual([
        expect.objectContaining({ providerId: 'near' }),
      ]);
      expect(
        matchOrders({ orders: [{ id: 'o1', ...base, excludeProviders: ['near'] }], providers }, { solver })
          .assignments,
      ).toEqual([expect.objectContaining({ providerId: 'far' })]);
      expect(
        matchOrders(
          { orders: [{ id: 'o1', ...base, excludeProviders: ['near', 'far'] }], providers },
          { solver },
        ).unassigned,
      ).toEqual([{ orderId: 'o1', reason: 'NOT_ELIGIBLE' }]);
    }
  });
});
