import fc from 'fast-check';
import { generateMatchingInstance, mulberry32 } from '../../../bench/support/matchingInstances';
import { matchOrders } from '../../../cloudfunctions/services/domain/matching/solve';
import type {
  MatchOrder,
  MatchProvider,
  MatchStaff,
  MatchingInput,
  ServiceHistoryEntry,
  SolverName,
} from '../../../cloudfunctions/services/domain/matching/types';
import {
  bruteForceOptimum,
  compareObjective,
  isOptimal,
  objectiveOf,
  violations,
} from '../../support/matchingChecks';

// Small universes so that generated orders and providers collide often: shared communities, categories and
// slots are where capacity, eligibility and ties get exercised.
const COMMUNITIES = ['c1', 'c2', 'c3'];
const CATEGORIES = ['助餐', '助浴', '康复护理'];
const SLOTS = ['mon/am', 'mon/pm'];
const TAGS = ['certified:康复护理', 'certified:助浴'];
const SOLVERS: readonly SolverName[] = ['greedy', 'production', 'exact'];

const location = fc
  .record({ dLat: fc.integer({ min: 0, max: 100 }), dLng: fc.integer({ min: 0, max: 100 }) })
  .map(({ dLat, dLng }) => ({ lat: 31.9 + dLat * 0.001, lng: 118.8 + dLng * 0.001 }));

const perSlot = fc
  .tuple(fc.nat(3), fc.nat(3))
  .map(([am, pm]): Record<string, number> => ({ [SLOTS[0]]: am, [SLOTS[1]]: pm }));

const staffList = fc.array(
  fc.record({ am: fc.option(fc.nat(2), { nil: undefined }), pm: fc.option(fc.nat(2), { nil: undefined }) }),
  { maxLength: 3 },
);

const providerShape = fc.record({
  categories: fc.subarray(CATEGORIES, { minLength: 1 }),
  specialties: fc.subarray(CATEGORIES),
  communities: fc.subarray(COMMUNITIES, { minLength: 1 }),
  homeCommunities: fc.subarray(COMMUNITIES),
  qualifications: fc.subarray(TAGS),
  location,
  rating: fc.option(
    fc.integer({ min: 0, max: 50 }).map((r) => r / 10),
    { nil: undefined },
  ),
  currentLoad: fc.nat(40),
  slotCapacity: fc.option(perSlot, { nil: undefined }),
  defaultSlotCapacity: fc.option(fc.nat(3), { nil: undefined }),
  staff: fc.option(staffList, { nil: undefined }),
});

const orderShape = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  communityId: fc.constantFrom(...COMMUNITIES),
  location,
  slot: fc.constantFrom(...SLOTS),
  resident: fc.nat(5),
  requires: fc.subarray(TAGS, { maxLength: 1 }),
  // Providers that declined the order (or let it lapse): positions into the provider list.
  exclude: fc.subarray([0, 1, 2], { maxLength: 2 }),
});

const historyShape = fc.record({
  resident: fc.nat(5),
  provider: fc.nat(6),
  category: fc.constantFrom(...CATEGORIES),
  staff: fc.option(fc.nat(2), { nil: undefined }),
});

/** A small instance with ids assigned by position (so they are unique) and history pointing at real ids. */
function instance(maxOrders: number, maxProviders: number): fc.Arbitrary<MatchingInput> {
  return fc
    .record({
      providers: fc.array(providerShape, { maxLength: maxProviders }),
      orders: fc.array(orderShape, { maxLength: maxOrders }),
      history: fc.array(historyShape, { maxLength: 6 }),
    })
    .map(({ providers, orders, history }) => {
      const built: MatchProvider[] = providers.map((p, k) => {
        const id = `p${k}`;
        const { staff, ...rest } = p;
        const provider: MatchProvider = { id, ...rest };
        if (staff) {
          provider.staff = staff.map((s, j): MatchStaff => ({
            id: `${id}-s${j}`,
            slots: {
              ...(s.am === undefined ? {} : { [SLOTS[0]]: s.am }),
              ...(s.pm === undefined ? {} : { [SLOTS[1]]: s.pm }),
            },
          }));
        }
        return provider;
      });
      const builtOrders: MatchOrder[] = orders.map(({ resident, exclude, ...o }, k) => ({
        id: `o${String(k).padStart(2, '0')}`,
        residentId: `r${resident}`,
        ...o,
        ...(exclude.length > 0 ? { excludeProviders: exclude.map((p) => `p${p}`) } : {}),
      }));
      const builtHistory: ServiceHistoryEntry[] = history
        .filter((h) => h.provider < built.length)
        .map((h) => {
          const provider = built[h.provider];
          const entry: ServiceHistoryEntry = {
            residentId: `r${h.resident}`,
            providerId: provider.id,
            category: h.category,
          };
          const staffMember = h.staff === undefined ? undefined : provider.staff?.[h.staff];
          if (staffMember) entry.staffId = staffMember.id;
          return entry;
        });
      return { orders: builtOrders, providers: built, history: builtHistory };
    });
}

/** The same input with orders, providers and history in a different (seeded) order. */
function shuffled(input: MatchingInput, seed: number): MatchingInput {
  const rnd = mulberry32(seed);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return {
    orders: shuffle(input.orders),
    providers: shuffle(input.providers),
    history: shuffle(input.history ?? []),
  };
}

describe('matching properties', () => {
  it('no solver ever violates a hard constraint', () => {
    fc.assert(
      fc.property(instance(14, 5), (input) => {
        for (const solver of SOLVERS) expect(violations(input, matchOrders(input, { solver }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('exact ≥ production ≥ greedy (assigned orders, then score)', () => {
    fc.assert(
      fc.property(instance(14, 5), (input) => {
        const greedy = objectiveOf(matchOrders(input, { solver: 'greedy' }));
        const production = objectiveOf(matchOrders(input, { solver: 'production' }));
        const exact = objectiveOf(matchOrders(input, { solver: 'exact' }));
        expect(compareObjective(production, greedy)).toBeGreaterThanOrEqual(0);
        expect(compareObjective(exact, production)).toBeGreaterThanOrEqual(0);
        // Serving the most orders never costs score against greedy at equal counts, and never serves fewer.
        expect(exact.assigned).toBeGreaterThanOrEqual(greedy.assigned);
      }),
      { numRuns: 300 },
    );
  });

  it('the exact solver finds the brute-force optimum', () => {
    fc.assert(
      fc.property(instance(6, 3), (input) => {
        expect(objectiveOf(matchOrders(input, { solver: 'exact' }))).toEqual(bruteForceOptimum(input));
      }),
      { numRuns: 300 },
    );
  });

  it('results are deterministic and do not depend on input order', () => {
    fc.assert(
      fc.property(instance(14, 5), fc.integer(), (input, seed) => {
        for (const solver of SOLVERS) {
          const first = matchOrders(input, { solver });
          expect(matchOrders(structuredClone(input), { solver })).toEqual(first);
          expect(matchOrders(shuffled(input, seed), { solver })).toEqual(first);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on generated district-like instances: valid, and the exact solver is certified optimal', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          orders: fc.integer({ min: 0, max: 250 }),
          providers: fc.integer({ min: 0, max: 25 }),
          communities: fc.integer({ min: 1, max: 10 }),
          days: fc.integer({ min: 1, max: 3 }),
          capacityFactor: fc.constantFrom(0.5, 1, 1.3, 3),
        }),
        (spec) => {
          const input = generateMatchingInstance(spec);
          const exact = matchOrders(input, { solver: 'exact' });
          const greedy = matchOrders(input, { solver: 'greedy' });
          expect(violations(input, exact)).toEqual([]);
          expect(violations(input, greedy)).toEqual([]);
          expect(isOptimal(input, exact)).toBe(true);
          expect(compareObjective(objectiveOf(exact), objectiveOf(greedy))).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});
