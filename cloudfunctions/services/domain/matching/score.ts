// The score of giving order o to provider p, and the hard constraints that decide whether p may take o at all.
//
// Score = Σ weight_k × term_k × 100, rounded to an integer, with every term in [0, 1] and the weights summing
// to 100, so an edge scores 0..10,000. Integers keep the exact solver exact (no floating-point drift in
// reduced costs) and make ties real ties, which are then broken by id.
//
// Capacity is not part of `feasible`: it is a shared resource per (provider, slot), so it is a flow constraint
// enforced by the solvers, not a property of one edge.

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

/** The individual terms of a score, each in [0, 1]. */
export interface ScoreTerms {
  category: number;
  coverage: number;
  distance: number;
  load: number;
  rating: number;
  continuity: number;
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
  };
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
  };
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
  return Math.round(sum * 100);
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
  return Math.round(sum * 100);
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
