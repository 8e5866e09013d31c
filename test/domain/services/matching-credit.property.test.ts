/**
 * Matching weighs the organizations' credit (信用值): a published bonus/malus around the neutral value that keeps
 * everything else as it was — neutral or unknown credit is the old behaviour exactly, a higher credit never lowers
 * an organization's rank or takes orders from it, it never changes how many orders are served nor breaks a hard
 * constraint, and it never outweighs the resident's own organization from last time.
 */
import fc from 'fast-check';
import { generateMatchingInstance } from '../../../bench/support/matchingInstances';
import {
  buildMatchingInput,
  preferenceFor,
  type OpenOrder,
} from '../../../cloudfunctions/services/domain/matchInput';
import {
  compileProvider,
  CREDIT_WEIGHT,
  creditPoints,
  creditTerm,
  edgeScore,
  isFeasible,
  LOW_CREDIT,
  MAX_EDGE_SCORE,
  NEUTRAL_CREDIT,
  scoreAssignment,
  SCORE_WEIGHTS,
} from '../../../cloudfunctions/services/domain/matching/score';
import { matchOrders } from '../../../cloudfunctions/services/domain/matching/solve';
import type { MatchProvider, MatchingInput } from '../../../cloudfunctions/services/domain/matching/types';
import type { ItemDoc, PoolCreditRow } from '../../../cloudfunctions/services/documents';
import type { OrgRef } from '../../../cloudfunctions/common/directory/orgs';
import { CREDIT_THRESHOLD, NEUTRAL } from '../../../cloudfunctions/projects/domain/credit';
import { PROJECTS_LIMITS } from '../../../miniprogram/shared/limits';
import { violations } from '../../support/matchingChecks';
import {
  item as itemDoc,
  order as baseOrder,
  org as orgRef,
  provider as baseProvider,
} from '../../support/services/matchingFixtures';

/** The providers of an input with credit `value` for every community they cover (undefined: none). */
function withCredit(input: MatchingInput, value: (p: MatchProvider) => number | undefined): MatchingInput {
  return {
    ...input,
    providers: input.providers.map((p) => {
      const v = value(p);
      const { credit: _dropped, ...rest } = p;
      return v === undefined
        ? rest
        : { ...rest, credit: Object.fromEntries(p.communities.map((c) => [c, v])) };
    }),
  };
}

const credit = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(NEUTRAL_CREDIT));

describe('the credit term', () => {
  it('uses the projects capability’s numbers: neutral is where a new organization starts, full malus at suspension', () => {
    expect(NEUTRAL_CREDIT).toBe(PROJECTS_LIMITS.creditStart);
    expect(NEUTRAL_CREDIT).toBeCloseTo(NEUTRAL * 100, 10);
    expect(LOW_CREDIT).toBe(CREDIT_THRESHOLD);
    // Small: one star of rating is worth as much, continuity six times more.
    expect(CREDIT_WEIGHT).toBe(SCORE_WEIGHTS.rating / 5);
    expect(CREDIT_WEIGHT * 6).toBeLessThanOrEqual(SCORE_WEIGHTS.continuity);
  });

  it('is 0 for neutral and unknown credit, ±1 at 100 and at the threshold, and rises with credit', () => {
    for (const none of [undefined, NaN, Infinity, NEUTRAL_CREDIT]) expect(creditPoints(none)).toBe(0);
    expect(Object.is(creditPoints(79.9999), 0)).toBe(true); // not −0
    expect([
      creditPoints(100),
      creditPoints(90),
      creditPoints(70),
      creditPoints(60),
      creditPoints(0),
    ]).toEqual([300, 150, -150, -300, -300]);
    fc.assert(
      fc.property(credit, credit, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(creditTerm(lo)).toBeLessThanOrEqual(creditTerm(hi));
        expect(creditPoints(lo)).toBeLessThanOrEqual(creditPoints(hi));
        expect(Math.abs(creditTerm(a))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('neutral credit is the old behaviour exactly', () => {
  it.each([1, 2, 3])('scores and matches a generated instance (seed %i) identically', (seed) => {
    const input = generateMatchingInstance({ orders: 400, providers: 40, seed });
    const old = matchOrders(input);
    // No credit at all, neutral everywhere, and credit only for communities without orders there.
    expect(matchOrders(withCredit(input, () => NEUTRAL_CREDIT))).toEqual(old);
    const elsewhere = {
      ...input,
      providers: input.providers.map((p) => ({ ...p, credit: { 'no-such-community': 100 } })),
    };
    expect(matchOrders(elsewhere)).toEqual(old);
    for (const o of input.orders.slice(0, 50))
      for (const p of input.providers) {
        const facts = compileProvider(p);
        if (!isFeasible(o, facts)) continue;
        const neutral = compileProvider({ ...p, credit: { [o.communityId]: NEUTRAL_CREDIT } });
        expect(edgeScore(o, neutral, 0)).toBe(edgeScore(o, facts, 0));
      }
  });

  it('leaves the documents’ matching input as before when no street has a credit value', () => {
    const docs = smallDocs();
    expect(buildMatchingInput({ ...docs, credits: [] })).toEqual(buildMatchingInput(docs));
    expect(buildMatchingInput({ ...docs, credits: [{ orgId: 'a', streetId: 's1' }] })).toEqual(
      buildMatchingInput(docs),
    );
  });
});

describe('a higher credit, everything else equal', () => {
  it('never lowers an organization’s rank for an order, nor changes who is ranked (property)', () => {
    const orgShape = fc.record({
      rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      load: fc.nat(30),
      home: fc.constantFrom(...COMMUNITIES),
      credit: fc.option(credit, { nil: undefined }),
      specialist: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(orgShape, { minLength: 2, maxLength: 5 }),
        fc.nat(4),
        credit,
        fc.option(fc.nat(4), { nil: undefined }),
        (shapes, pick, raisedTo, servedBefore) => {
          const k = pick % shapes.length;
          const before = shapes[k]!.credit ?? NEUTRAL_CREDIT;
          fc.pre(raisedTo > before);
          const docs = rankingDocs(shapes, servedBefore);
          const rankedBefore = preferenceFor(docs, 'o1');
          const raised = shapes.map((s, j) => (j === k ? { ...s, credit: raisedTo } : s));
          const rankedAfter = preferenceFor(rankingDocs(raised, servedBefore), 'o1');
          expect([...rankedAfter].sort()).toEqual([...rankedBefore].sort());
          const id = `g${k}`;
          if (rankedBefore.includes(id))
            expect(rankedAfter.indexOf(id)).toBeLessThanOrEqual(rankedBefore.indexOf(id));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never takes orders from the organization, never changes how many are served, breaks no constraint', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(29), credit, credit, (seed, pick, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        // No history: no edge is near the top of the scale, so the bonus is never cut off there.
        const input = generateMatchingInstance({
          orders: 120,
          providers: 30,
          seed,
          historyShare: 0,
          creditShare: 0.7,
        });
        const chosen = [...input.providers].sort((a, b) => (a.id < b.id ? -1 : 1))[pick]!.id;
        const at = (value: number) =>
          withCredit(input, (p) => (p.id === chosen ? value : p.credit?.[p.communities[0]!]));
        const low = matchOrders(at(lo));
        const high = matchOrders(at(hi));
        const count = (r: typeof low) => r.assignments.filter((a) => a.providerId === chosen).length;
        expect(count(high)).toBeGreaterThanOrEqual(count(low));
        expect(high.assignments.length).toBe(low.assignments.length);
        expect(violations(at(hi), high)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('credit never outweighs', () => {
  const order = baseOrder('o');
  const provider = (id: string, value: number): MatchProvider => baseProvider(id, { credit: { c1: value } });

  it('the resident’s own organization from last time, nor a hard constraint or capacity', () => {
    const history = [{ residentId: order.residentId, providerId: 'usual', category: '助餐' }];
    const input = { orders: [order], providers: [provider('usual', 0), provider('best', 100)], history };
    expect(matchOrders(input).assignments.map((a) => a.providerId)).toEqual(['usual']);
    expect(scoreAssignment(order, provider('usual', 0), history)).toBeGreaterThan(
      scoreAssignment(order, provider('best', 100), history),
    );
    // Full, excluded or not covering: the best credit does not help.
    for (const best of [
      { ...provider('best', 100), defaultSlotCapacity: 0 },
      { ...provider('best', 100), communities: ['c2'] },
    ])
      expect(
        matchOrders({ orders: [order], providers: [provider('low', 10), best] }).assignments,
      ).toMatchObject([{ providerId: 'low' }]);
    const excluded = { ...order, excludeProviders: ['best'] };
    expect(
      matchOrders({ orders: [excluded], providers: [provider('low', 10), provider('best', 100)] })
        .assignments,
    ).toMatchObject([{ providerId: 'low' }]);
  });

  it('keeps every edge score within the scale, even a perfect edge with the best credit', () => {
    const perfect: MatchProvider = {
      ...provider('p', 100),
      specialties: ['助餐'],
      homeCommunities: ['c1'],
      rating: 5,
    };
    const history = [{ residentId: order.residentId, providerId: 'p', category: '助餐' }];
    expect(scoreAssignment(order, perfect, history)).toBe(MAX_EDGE_SCORE);
    expect(matchOrders({ orders: [order], providers: [perfect], history }).totalScore).toBe(MAX_EDGE_SCORE);
  });
});

// ——— Documents: an item offered by several organizations, credit per street ———

const COMMUNITIES = ['jn-lukou-lukou', 'jn-lukou-xinqiao', 'jn-moling-moling'];
const SLOT = '2026-06-03/am';

/** 助餐 in the three communities, by the organizations given. */
const item = (orgIds: string[]): ItemDoc =>
  itemDoc('i1', {
    category: '助餐',
    orgIds,
    orgNames: orgIds,
    communityIds: COMMUNITIES,
    capacityPerSlot: 2,
  });

const org = (id: string, communityIds: string[], services = ['助餐']): OrgRef =>
  orgRef(id, communityIds, { services });

const openOrder = (communityId: string, street: string, id = 'o1'): OpenOrder => ({
  _id: id,
  itemId: 'i1',
  communityId,
  slot: SLOT,
  beneficiaryId: 'r1',
  excludedOrgIds: [],
  placePath: ['jn', street, communityId],
});

function smallDocs() {
  return {
    orders: [openOrder(COMMUNITIES[0]!, 'jn-lukou')],
    items: new Map([['i1', item(['a', 'b'])]]),
    orgs: [org('a', [COMMUNITIES[0]!]), org('b', [COMMUNITIES[0]!])],
  };
}

/** One order in 禄口社区; organization g<k> per shape, all covering it, based as the shape says. */
function rankingDocs(
  shapes: {
    rating?: number;
    load: number;
    home: string;
    credit?: number;
    specialist: boolean;
  }[],
  servedBefore?: number,
) {
  const ids = shapes.map((_, k) => `g${k}`);
  const credits: PoolCreditRow[] = shapes.flatMap((s, k) =>
    s.credit === undefined ? [] : [{ orgId: `g${k}`, streetId: 'jn-lukou', credit: s.credit }],
  );
  return {
    orders: [openOrder(COMMUNITIES[0]!, 'jn-lukou')],
    items: new Map([['i1', item(ids)]]),
    orgs: shapes.map((s, k) =>
      org(`g${k}`, [s.home, ...COMMUNITIES.filter((c) => c !== s.home)], s.specialist ? ['助餐'] : ['助洁']),
    ),
    stats: new Map(
      shapes.map((s, k) => [
        `g${k}`,
        { ...(s.rating !== undefined ? { avgRating: s.rating } : {}), openOrders: s.load },
      ]),
    ),
    history:
      servedBefore !== undefined && servedBefore < shapes.length
        ? [{ beneficiaryId: 'r1', orgId: `g${servedBefore}`, itemId: 'i1' }]
        : [],
    credits,
  };
}

describe('credit from the streets’ pools', () => {
  it('is the organization’s credit in the street of each community with orders; none elsewhere', () => {
    const docs = {
      orders: [openOrder(COMMUNITIES[0]!, 'jn-lukou'), openOrder(COMMUNITIES[2]!, 'jn-moling', 'o2')],
      items: new Map([['i1', item(['a', 'b', 'c'])]]),
      orgs: [org('a', COMMUNITIES), org('b', COMMUNITIES), org('c', COMMUNITIES)],
      credits: [
        { orgId: 'a', streetId: 'jn-lukou', credit: 95 },
        { orgId: 'a', streetId: 'jn-moling', credit: 55 },
        { orgId: 'b', streetId: 'jn-dongshan', credit: 99 },
        { orgId: 'c', streetId: 'jn-lukou' },
      ],
    };
    const input = buildMatchingInput(docs);
    // 新桥 has no order, so its street is not known here (and nothing there needs scoring).
    expect(input.providers.map((p) => [p.id, p.credit])).toEqual([
      ['a|i1', { [COMMUNITIES[0]!]: 95, [COMMUNITIES[2]!]: 55 }],
      ['b|i1', undefined],
      ['c|i1', undefined],
    ]);
  });

  it('decides between organizations equal but for credit; a suspended one still serves when it is the only one', () => {
    const docs = smallDocs();
    // Equal: the tie goes to the lower id.
    expect(preferenceFor(docs, 'o1')).toEqual(['a', 'b']);
    expect(
      preferenceFor({ ...docs, credits: [{ orgId: 'b', streetId: 'jn-lukou', credit: 90 }] }, 'o1'),
    ).toEqual(['b', 'a']);
    expect(
      preferenceFor({ ...docs, credits: [{ orgId: 'a', streetId: 'jn-lukou', credit: 45 }] }, 'o1'),
    ).toEqual(['b', 'a']);
    // Another street's credit does not count here.
    expect(
      preferenceFor({ ...docs, credits: [{ orgId: 'b', streetId: 'jn-moling', credit: 100 }] }, 'o1'),
    ).toEqual(['a', 'b']);
    const alone = { ...docs, items: new Map([['i1', item(['a'])]]), orgs: [docs.orgs[0]!] };
    expect(
      preferenceFor({ ...alone, credits: [{ orgId: 'a', streetId: 'jn-lukou', credit: 30 }] }, 'o1'),
    ).toEqual(['a']);
  });
});
