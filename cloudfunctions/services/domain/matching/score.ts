// The score of giving order o to provider p, and the hard constraints that decide whether p may take o at all.
//
// Score = Σ weight_k × term_k × 100, rounded to an integer, with every term in [0, 1] and the weights summing
// to 100, so an edge scores 0..10,000. Integers keep the exact solver exact (no floating-point drift in
// reduced costs) and make ties real ties, which are then broken by id.
//
// The organisation's credit value (信用值, projects capability) is not one of those terms: it is a small signed
// adjustment added after rounding, ±CREDIT_WEIGHT points at most, and exactly 0 for a neutral or unknown credit,
// so a run where no street has credit values scores every edge exactly as before (see `creditPoints`).
//
// Capacity is not part of `feasible`: it is a shared resource per (provider, slot), so it is a flow constraint
// enforced by the solvers, not a property of one edge.

import { PROJECTS_LIMITS } from '../../../../miniprogram/shared/limits';
import { haversineKm } from './geo';
import type { MatchOrder, MatchProvider, ServiceHistoryEntry, SlotKey } from './types';

/**
 * Weights of the score terms (sum 100). Why these: distance matters most to an elder waiting at home and to
 * staff travelling by e-bike; continuity (the same organisation again) and category fit (a meal kitchen for
 * 助餐, not a cleaning company that also cooks) come next; rating rewards good service without locking out
 * new organisations; load spreads work; coverage prefers the provider the street contracted for the community.
 */
export const SCORE_WEIGHTS = {
  category: 20,
  coverage: 10,
  distance: 25,
  load: 10,
  rating: 15,
  continuity: 20,
} as const;

/** The highest score one assignment can have. */
export const MAX_EDGE_SCORE = 10_000;

/** Category term for a category offered but not among the provider's specialties. */
export const SECONDARY_CATEGORY_FIT = 0.6;
/** Coverage term for a covered community the provider was not directly contracted for. */
export const SECONDARY_COVERAGE_FIT = 0.6;
/** Distance at which the distance term halves (km): ~10 minutes by e-bike across a 江宁-sized district. */
export const DISTANCE_HALF_KM = 3;
/** Open orders in hand at which the load term halves. */
export const LOAD_HALF = 20;
/** Rating assumed for a provider without ratings: slightly below the usual average, so proven ones win ties. */
export const NEUTRAL_RATING = 3.5;
/** Continuity term when the resident was last served by the provider, but for another category. */
export const OTHER_CATEGORY_CONTINUITY = 0.5;

/**
 * The credit adjustment, published (README, matching): a bonus up to CREDIT_WEIGHT points for credit above the
 * neutral value, a malus up to CREDIT_WEIGHT points below it, linear, full at 100 and at the suspension threshold.
 * Why this size: 3 points is what one star of resident rating is worth (15 points over 5 stars), about a kilometre
 * of distance around 3 km, and less than a sixth of continuity (20) — so credit tips the balance between
 * organisations that are otherwise close, and never outweighs the resident's own organisation from last time.
 * Being a score term, it can never override a hard constraint (eligibility, coverage — the distance limit —,
 * exclusions) nor capacity, and since matching maximises the number of orders served before the score, it never
 * leaves an order unserved that would otherwise be served.
 * Suspended organisations (pool status `suspended`, credit below the threshold) are not excluded: suspension bars
 * them from bidding for new purchased-service contracts (projects), while the menu items they already deliver
 * were put on the menu by the community's admin, who decides whether they stay (editItem); until then they
 * take orders with the full malus, so they get an order when no better-credited organisation can take it.
 */
export const CREDIT_WEIGHT = 3;
/** The credit of a new organisation (projects' starting value): no bonus, no malus. Also used when unknown. */
export const NEUTRAL_CREDIT: number = PROJECTS_LIMITS.creditStart;
/** The credit at which the malus is full: the projects capability's suspension threshold (信用值 < 60). */
export const LOW_CREDIT = 60;
/** The credit at which the bonus is full. */
export const HIGH_CREDIT = 100;

/** The individual terms of a score, each in [0, 1]; `credit` in [−1, 1] (0: neutral), see `creditPoints`. */
export interface ScoreTerms {
  category: number;
  coverage: number;
  distance: number;
  load: number;
  rating: number;
  continuity: number;
  credit: number;
}

/** A provider with its lists turned into sets, compiled once per matching run. */
export interface ProviderFacts {
  provider: MatchProvider;
  categories: ReadonlySet<string>;
  specialties: ReadonlySet<string>;
  communities: ReadonlySet<string>;
  homeCommunities: ReadonlySet<string>;
  qualifications: ReadonlySet<string>;
  /** The provider-only terms, computed once. */
  loadTerm: number;
  ratingTerm: number;
  /** The credit adjustment in score units (`creditPoints`) by community, for communities where it is not 0. */
  creditPoints?: ReadonlyMap<string, number>;
}

/** Past services by resident, for continuity. */
export type ContinuityIndex = ReadonlyMap<string, readonly ServiceHistoryEntry[]>;

/** Compiles a provider's lists into sets and its provider-only terms. */
export function compileProvider(provider: MatchProvider): ProviderFacts {
  const load = Math.max(0, finiteOr(provider.currentLoad, 0));
  const rating = Math.min(5, Math.max(0, finiteOr(provider.rating, NEUTRAL_RATING)));
  return {
    provider,
    categories: new Set(provider.categories),
    specialties: new Set(provider.specialties ?? []),
    communities: new Set(provider.communities),
    homeCommunities: new Set(provider.homeCommunities ?? []),
    qualifications: new Set(provider.qualifications ?? []),
    loadTerm: 1 / (1 + load / LOAD_HALF),
    ratingTerm: rating / 5,
    ...compileCredit(provider.credit),
  };
}

function compileCredit(credit: MatchProvider['credit']): Pick<ProviderFacts, 'creditPoints'> {
  if (!credit) return {};
  const points = new Map<string, number>();
  for (const community of Object.keys(credit)) {
    const p = creditPoints(credit[community]);
    if (p !== 0) points.set(community, p);
  }
  return points.size > 0 ? { creditPoints: points } : {};
}

/**
 * The credit term in [−1, 1]: 0 at NEUTRAL_CREDIT (and for an unknown or non-finite credit), rising linearly to 1
 * at HIGH_CREDIT and falling to −1 at LOW_CREDIT and below. Monotone: a higher credit never gives a lower term.
 */
export function creditTerm(credit: number | undefined): number {
  if (credit === undefined || !Number.isFinite(credit)) return 0;
  const term =
    credit > NEUTRAL_CREDIT
      ? (credit - NEUTRAL_CREDIT) / (HIGH_CREDIT - NEUTRAL_CREDIT)
      : (credit - NEUTRAL_CREDIT) / (NEUTRAL_CREDIT - LOW_CREDIT);
  return Math.max(-1, Math.min(1, term));
}

/**
 * What the credit adds to an edge score (an integer, −300..300): CREDIT_WEIGHT × term, in the score's units.
 * Added after the other terms are rounded, so it is the same for every edge of the provider in a community (a
 * uniform shift: raising it can only win the provider orders, short of the cap at MAX_EDGE_SCORE, which only an
 * edge above 97 % before credit can reach) and 0 leaves the score exactly as without credit.
 */
export function creditPoints(credit: number | undefined): number {
  return pointsOfCreditTerm(creditTerm(credit));
}

function pointsOfCreditTerm(term: number): number {
  // `+ 0` turns the −0 a credit a hair under neutral rounds to into 0.
  return Math.round(CREDIT_WEIGHT * 100 * term) + 0;
}

/** The credit adjustment of an edge: the provider's in the order's community, 0 where it has none. */
function creditPointsIn(order: MatchOrder, facts: ProviderFacts): number {
  return facts.creditPoints?.get(order.communityId) ?? 0;
}

/** An edge score with its credit adjustment, kept in [0, MAX_EDGE_SCORE] (the solvers' costs are MAX − score). */
function withCredit(rounded: number, credit: number): number {
  return credit === 0 ? rounded : Math.max(0, Math.min(MAX_EDGE_SCORE, rounded + credit));
}

/** Groups history entries by resident. Later entries do not override earlier ones: all are kept. */
export function indexHistory(history: readonly ServiceHistoryEntry[] = []): ContinuityIndex {
  const index = new Map<string, ServiceHistoryEntry[]>();
  for (const entry of history) {
    const list = index.get(entry.residentId);
    if (list) list.push(entry);
    else index.set(entry.residentId, [entry]);
  }
  return index;
}

/** The hard constraints on a single edge: category offered, community covered, qualifications held. */
export function isFeasible(order: MatchOrder, facts: ProviderFacts): boolean {
  return (
    facts.categories.has(order.category) &&
    facts.communities.has(order.communityId) &&
    isEligible(order, facts)
  );
}

/**
 * The eligibility part of `isFeasible`: the provider holds every qualification the order requires and is not
 * one the order excludes.
 */
export function isEligible(order: MatchOrder, facts: ProviderFacts): boolean {
  if (order.requires) for (const tag of order.requires) if (!facts.qualifications.has(tag)) return false;
  if (order.excludeProviders?.includes(facts.provider.id)) return false;
  return true;
}

/** `isFeasible` for an uncompiled provider (tests, explanations). Capacity is checked by the solvers. */
export function feasible(order: MatchOrder, provider: MatchProvider): boolean {
  return isFeasible(order, compileProvider(provider));
}

/**
 * The provider's remaining capacity in a slot: `slotCapacity[slot]`, else `defaultSlotCapacity`, else 0; when
 * staff are modelled, also at most the sum of the staff's capacity in that slot (so staff assignment after
 * matching always succeeds). Non-integers are floored and negatives count as 0.
 */
export function capacityInSlot(provider: MatchProvider, slot: SlotKey): number {
  // An own-property check, not `?.[slot]`: a slot key like "constructor" must not read Object.prototype.
  const explicit = provider.slotCapacity !== undefined && hasOwn(provider.slotCapacity, slot);
  let capacity = toCount(explicit ? provider.slotCapacity?.[slot] : provider.defaultSlotCapacity);
  if (provider.staff) {
    let staffed = 0;
    for (const member of provider.staff) staffed += staffCapacityInSlot(member.slots, slot);
    capacity = Math.min(capacity, staffed);
  }
  return capacity;
}

/** How many orders one staff member can take in a slot (0 when not available). */
export function staffCapacityInSlot(slots: Readonly<Record<SlotKey, number>>, slot: SlotKey): number {
  return hasOwn(slots, slot) ? toCount(slots[slot]) : 0;
}

/**
 * The continuity term from the resident's past services (`history.get(order.residentId)`): 1 if last served
 * by this provider for this category, 0.5 if for another category, else 0.
 */
export function continuityTerm(
  order: MatchOrder,
  providerId: string,
  entries: readonly ServiceHistoryEntry[] | undefined,
): number {
  if (!entries) return 0;
  let term = 0;
  for (const entry of entries) {
    if (entry.providerId !== providerId) continue;
    if (entry.category === order.category) return 1;
    term = OTHER_CATEGORY_CONTINUITY;
  }
  return term;
}

/** The category term: 1 for one of the provider's specialties, less for another offered category. */
export function categoryTerm(order: MatchOrder, facts: ProviderFacts): number {
  return facts.specialties.has(order.category) ? 1 : SECONDARY_CATEGORY_FIT;
}

/** The coverage term: 1 where the provider is contracted for the community, less where it only covers it. */
export function coverageTerm(order: MatchOrder, facts: ProviderFacts): number {
  return facts.homeCommunities.has(order.communityId) ? 1 : SECONDARY_COVERAGE_FIT;
}

/** The distance term: halves every DISTANCE_HALF_KM. A decay, not a cutoff: coverage bounds travel already. */
export function distanceTerm(order: MatchOrder, facts: ProviderFacts): number {
  return Math.pow(0.5, haversineKm(order.location, facts.provider.location) / DISTANCE_HALF_KM);
}

/** The score terms of order o with provider p (p must be feasible for o for the score to mean anything). */
export function scoreTerms(order: MatchOrder, facts: ProviderFacts, continuity: number): ScoreTerms {
  return {
    category: categoryTerm(order, facts),
    coverage: coverageTerm(order, facts),
    distance: distanceTerm(order, facts),
    load: facts.loadTerm,
    rating: facts.ratingTerm,
    continuity,
    credit: creditTerm(creditOf(order, facts)),
  };
}

/** The provider's credit value in the order's community, as given (undefined when it has none there). */
function creditOf(order: MatchOrder, facts: ProviderFacts): number | undefined {
  const credit = facts.provider.credit;
  return credit && hasOwn(credit, order.communityId) ? credit[order.communityId] : undefined;
}

/** Combines terms into the integer edge score. */
export function combineTerms(t: ScoreTerms): number {
  const w = SCORE_WEIGHTS;
  const sum =
    w.category * t.category +
    w.coverage * t.coverage +
    w.distance * t.distance +
    w.load * t.load +
    w.rating * t.rating +
    w.continuity * t.continuity;
  return withCredit(Math.round(sum * 100), pointsOfCreditTerm(t.credit));
}

/**
 * `combineTerms(scoreTerms(...))` without the intermediate object: the candidate graph scores every feasible
 * edge, tens of thousands per run. Same terms, same order of additions, so the same number.
 */
export function edgeScore(order: MatchOrder, facts: ProviderFacts, continuity: number): number {
  const w = SCORE_WEIGHTS;
  const sum =
    w.category * categoryTerm(order, facts) +
    w.coverage * coverageTerm(order, facts) +
    w.distance * distanceTerm(order, facts) +
    w.load * facts.loadTerm +
    w.rating * facts.ratingTerm +
    w.continuity * continuity;
  return withCredit(Math.round(sum * 100), creditPointsIn(order, facts));
}

/** The score of assigning an order to a provider, with the resident's history (convenience, uncompiled). */
export function scoreAssignment(
  order: MatchOrder,
  provider: MatchProvider,
  history: readonly ServiceHistoryEntry[] = [],
): number {
  const continuity = continuityTerm(order, provider.id, indexHistory(history).get(order.residentId));
  return edgeScore(order, compileProvider(provider), continuity);
}

// Not Object.hasOwn: functions are built for CloudBase's Node 16 runtime, where it only arrived in 16.9.
function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

function toCount(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
