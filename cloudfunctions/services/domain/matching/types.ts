// The input and output model of order matching. Plain data only (JSON-friendly arrays and records), so the
// action handler can pass what it read from the database straight in, and tests and the benchmark can build
// instances by hand or from a generator.

/** A point on the map, WGS-84 degrees (as `wx.getLocation` and the admin map picker give them). */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * A time slot key, opaque to matching (e.g. `2025-06-02/am`). Orders name the slot they want; capacity is
 * per (provider, slot). Matching never parses it, so the calendar's granularity is the caller's choice.
 */
export type SlotKey = string;

/** A service category on the menu (助餐, 助浴, 助洁, 助行, 助医, 康复护理, 心理慰藉, ...). */
export type ServiceCategory = string;

/** An open order waiting for a provider. */
export interface MatchOrder {
  id: string;
  category: ServiceCategory;
  /** The resident's community; a provider must cover it (hard constraint). */
  communityId: string;
  /** Where the service happens (usually the resident's home, coarse). */
  location: GeoPoint;
  slot: SlotKey;
  residentId: string;
  /**
   * Qualification tags the provider must hold (hard constraint), e.g. `certified:康复护理` for nursing that
   * requires a licensed organisation. Empty or absent: no requirement.
   */
  requires?: readonly string[];
  /**
   * Providers that must not get this order (hard constraint): those that declined it or let its acceptance
   * deadline pass, so re-matching moves it elsewhere.
   */
  excludeProviders?: readonly string[];
}

/** One member of a provider's staff, with how many orders they can take in each slot. */
export interface MatchStaff {
  id: string;
  /** Orders this person can take per slot; a slot not listed means not available. */
  slots: Readonly<Record<SlotKey, number>>;
}

/** A social organisation that delivers services. */
export interface MatchProvider {
  id: string;
  /** Categories offered (hard constraint). */
  categories: readonly ServiceCategory[];
  /** The provider's main lines, a subset of `categories`; scored as a better category fit. */
  specialties?: readonly ServiceCategory[];
  /** Communities covered (hard constraint). */
  communities: readonly string[];
  /** Communities the street contracted this provider for directly; scored as a better coverage fit. */
  homeCommunities?: readonly string[];
  /** Qualification tags held, matched against `MatchOrder.requires`. */
  qualifications?: readonly string[];
  /** The provider's base (office or service station). */
  location: GeoPoint;
  /** Average resident rating 0–5; absent for a provider with no ratings yet (scored as a neutral prior). */
  rating?: number;
  /**
   * The organisation's credit value (信用值, 0–100) by covered community, where that community's street has one;
   * scored as a small bonus or malus around the neutral value (`score.ts`, CREDIT_WEIGHT). A community not
   * listed, or no record at all, counts as neutral: exactly the score without credit.
   */
  credit?: Readonly<Record<string, number>>;
  /** Orders already in hand and not yet delivered; scored so that work spreads out. */
  currentLoad: number;
  /** Remaining capacity per slot (orders). A slot not listed falls back to `defaultSlotCapacity`. */
  slotCapacity?: Readonly<Record<SlotKey, number>>;
  /** Remaining capacity for slots not in `slotCapacity`; 0 when absent. */
  defaultSlotCapacity?: number;
  /**
   * Staff, when the provider manages them in the app. When present, a slot's capacity is also limited by the
   * staff available in it (an empty list means nobody is available). When absent, staff are not modelled and
   * assignments carry no `staffId`.
   */
  staff?: readonly MatchStaff[];
}

/** A past service, for continuity: the resident was last served by this provider (and staff member). */
export interface ServiceHistoryEntry {
  residentId: string;
  providerId: string;
  category: ServiceCategory;
  staffId?: string;
}

/** Everything matching needs; the caller reads it from the database and passes it in. */
export interface MatchingInput {
  orders: readonly MatchOrder[];
  providers: readonly MatchProvider[];
  history?: readonly ServiceHistoryEntry[];
}

/** One order given to one provider (and one of its staff, when staff are modelled). */
export interface Assignment {
  orderId: string;
  providerId: string;
  slot: SlotKey;
  staffId?: string;
  /** The edge score (see `score.ts`), an integer in [0, MAX_EDGE_SCORE]. */
  score: number;
}

/**
 * Why an order was left unassigned, from the most to the least structural:
 * - `NO_COVERING_PROVIDER`: no provider offers the category in the order's community;
 * - `NOT_ELIGIBLE`: some do, but none holds the qualifications the order requires (or all are excluded);
 * - `NO_CAPACITY_IN_SLOT`: eligible providers exist, but none has capacity in that slot;
 * - `CAPACITY_EXHAUSTED`: capacity existed but went to other orders (with the exact solver, no assignment
 *   serves more orders).
 */
export type UnassignedReason =
  'NO_COVERING_PROVIDER' | 'NOT_ELIGIBLE' | 'NO_CAPACITY_IN_SLOT' | 'CAPACITY_EXHAUSTED';

/** An order matching could not place, and why. */
export interface Unassigned {
  orderId: string;
  reason: UnassignedReason;
}

/** Which algorithm to run: see `solve.ts`. */
export type SolverName = 'production' | 'greedy' | 'exact';

/** The outcome of one matching run. Lists are sorted by order id. */
export interface MatchResult {
  assignments: Assignment[];
  unassigned: Unassigned[];
  /** Sum of the assignments' scores. */
  totalScore: number;
  /** The algorithm actually run (`production` resolves to one of the others). */
  solver: Exclude<SolverName, 'production'>;
}
