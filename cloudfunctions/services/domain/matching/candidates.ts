// The candidate graph: orders on one side, (provider, slot) "buckets" with capacity on the other, and an edge
// only where the provider may take the order (`isFeasible`) and has capacity in the order's slot. Orders with
// no edge get their unassigned reason here.
//
// It is sparse by construction: providers are looked up by (community, category), so building it costs
// O(orders × covering providers), never O(orders × providers). Orders and providers are sorted by id first, so
// every index-based tie-break downstream is an id-based one and the result does not depend on input order.

import {
  capacityInSlot,
  compileProvider,
  continuityTerm,
  edgeScore,
  indexHistory,
  isEligible,
  MAX_EDGE_SCORE,
  type ContinuityIndex,
  type ProviderFacts,
} from './score';
import type { MatchOrder, MatchingInput, SlotKey, UnassignedReason } from './types';

/** The sparse bipartite graph the solvers work on. Edge and bucket data are parallel typed arrays. */
export interface CandidateGraph {
  /** Orders sorted by id; order index i refers to this list. */
  orders: readonly MatchOrder[];
  /** Providers sorted by id, compiled. */
  providers: readonly ProviderFacts[];
  /** Distinct slots, in order of first appearance among the sorted orders. */
  slots: readonly SlotKey[];
  /** Past services by resident (for staff continuity after matching). */
  history: ContinuityIndex;
  /** Order i's edges are [edgeStart[i], edgeStart[i+1]), best score first, then lower provider index. */
  edgeStart: Int32Array;
  /** Edge e goes to bucket edgeBucket[e] and scores edgeScore[e] (integer, 0..MAX_EDGE_SCORE). */
  edgeBucket: Int32Array;
  edgeScore: Int32Array;
  /** Bucket b = (bucketProvider[b], slots[bucketSlot[b]]) with bucketCapacity[b] > 0 orders. */
  bucketProvider: Int32Array;
  bucketSlot: Int32Array;
  bucketCapacity: Int32Array;
  /** For an order without any edge, why; undefined for orders with edges. */
  noEdgeReason: readonly (UnassignedReason | undefined)[];
}

/**
 * Options for building the candidate graph.
 *
 * `topK`: keep only each order's K best edges. Production keeps them all (K absent): the graph is already
 * sparse (~19 edges per order at 5,000 × 500) and exact matching on it is well inside the budget, whereas
 * pruning loses orders where capacity is tight — measured on 5,000 × 500: K = 8 left 222 more orders
 * unserved (97.1 % of the optimal score), K = 12 left 129, K = 20 left 45. Kept as an option for experiments
 * and for a much larger district, where it would be the first lever.
 */
export interface CandidateOptions {
  /** Keep only the K (≥ 1) best edges per order; absent keeps every feasible edge. */
  topK?: number;
}

/** Builds the candidate graph of an input. Throws on duplicate order or provider ids (a caller bug). */
export function buildCandidateGraph(input: MatchingInput, options: CandidateOptions = {}): CandidateGraph {
  const orders = sortedById(input.orders, 'order');
  const providers = sortedById(input.providers, 'provider').map(compileProvider);
  const historyIndex = indexHistory(input.history);
  // Local bindings for the per-edge calls: under CommonJS interop (tsx, jest) every use of an imported name
  // goes through a getter, which costs ~15 % of this function at 5,000 × 500. Bundled builds don't care.
  const [eligible, continuity, scoreOf] = [isEligible, continuityTerm, edgeScore];
  const maxScore = MAX_EDGE_SCORE;
  const topK = options.topK ?? Number.POSITIVE_INFINITY;
  if (!(topK >= 1)) throw new RangeError(`topK must be at least 1, got ${options.topK}`);

  // (community, category) → provider indices, ascending.
  const byCoverage = new Map<string, number[]>();
  providers.forEach((facts, p) => {
    for (const community of facts.communities) {
      for (const category of facts.categories) {
        const key = coverageKey(community, category);
        const list = byCoverage.get(key);
        if (list) list.push(p);
        else byCoverage.set(key, [p]);
      }
    }
  });

  const slotIndex = new Map<SlotKey, number>();
  const slots: SlotKey[] = [];
  const orderSlot = orders.map((order) => {
    let s = slotIndex.get(order.slot);
    if (s === undefined) {
      s = slots.length;
      slotIndex.set(order.slot, s);
      slots.push(order.slot);
    }
    return s;
  });

  // Per slot, provider → bucket index (-1: no capacity in that slot; -2: not looked up yet), made on first use.
  const bucketsBySlot: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(slots.length);
  const bucketProvider: number[] = [];
  const bucketSlot: number[] = [];
  const bucketCapacity: number[] = [];

  const edgeStart = new Int32Array(orders.length + 1);
  let edgeBuckets = new Int32Array(Math.max(16, orders.length * 8));
  let edgeScores = new Int32Array(edgeBuckets.length);
  let edgeCount = 0;
  const noEdgeReason: (UnassignedReason | undefined)[] = new Array<UnassignedReason | undefined>(
    orders.length,
  );

  // One order's candidates as numbers (MAX − score) × P + p: a native numeric sort then orders them by score
  // descending, then provider index, with no comparator calls.
  const providerCount = providers.length;
  const keys = new Float64Array(Math.max(1, providerCount));

  orders.forEach((order, i) => {
    edgeStart[i] = edgeCount;
    const covering = byCoverage.get(coverageKey(order.communityId, order.category));
    if (!covering) {
      noEdgeReason[i] = 'NO_COVERING_PROVIDER';
      return;
    }
    const s = orderSlot[i];
    let slotBuckets = bucketsBySlot[s];
    if (!slotBuckets) {
      slotBuckets = new Int32Array(providerCount).fill(-2);
      bucketsBySlot[s] = slotBuckets;
    }
    const history = historyIndex.get(order.residentId);
    let candidates = 0;
    let anyEligible = false;
    for (const p of covering) {
      const facts = providers[p];
      // byCoverage already guarantees the category and community halves of `isFeasible`.
      if (!eligible(order, facts)) continue;
      anyEligible = true;
      let b = slotBuckets[p];
      if (b === -2) {
        const capacity = capacityInSlot(facts.provider, order.slot);
        b = capacity > 0 ? bucketProvider.length : -1;
        if (capacity > 0) {
          bucketProvider.push(p);
          bucketSlot.push(s);
          bucketCapacity.push(capacity);
        }
        slotBuckets[p] = b;
      }
      if (b < 0) continue;
      const score = scoreOf(order, facts, continuity(order, facts.provider.id, history));
      keys[candidates++] = (maxScore - score) * providerCount + p;
    }
    if (candidates === 0) {
      noEdgeReason[i] = anyEligible ? 'NO_CAPACITY_IN_SLOT' : 'NOT_ELIGIBLE';
      return;
    }
    const sorted = keys.subarray(0, candidates).sort();
    const keep = Math.min(candidates, topK);
    if (edgeCount + keep > edgeBuckets.length) {
      const grown = Math.max(edgeBuckets.length * 2, edgeCount + keep);
      const buckets = new Int32Array(grown);
      const scores = new Int32Array(grown);
      buckets.set(edgeBuckets);
      scores.set(edgeScores);
      edgeBuckets = buckets;
      edgeScores = scores;
    }
    for (let k = 0; k < keep; k++) {
      const p = sorted[k] % providerCount;
      edgeBuckets[edgeCount] = slotBuckets[p];
      edgeScores[edgeCount] = maxScore - (sorted[k] - p) / providerCount;
      edgeCount++;
    }
  });
  edgeStart[orders.length] = edgeCount;

  return {
    orders,
    providers,
    slots,
    history: historyIndex,
    edgeStart,
    edgeBucket: edgeBuckets.slice(0, edgeCount),
    edgeScore: edgeScores.slice(0, edgeCount),
    bucketProvider: Int32Array.from(bucketProvider),
    bucketSlot: Int32Array.from(bucketSlot),
    bucketCapacity: Int32Array.from(bucketCapacity),
    noEdgeReason,
  };
}

function coverageKey(community: string, category: string): string {
  return `${community}\u0000${category}`;
}

function sortedById<T extends { id: string }>(items: readonly T[], what: string): T[] {
  // Code-unit order, not localeCompare: the same on every machine and locale.
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new Error(`duplicate ${what} id: ${sorted[i].id}`);
  }
  return sorted;
}

/** A solver's answer: for each order index, the chosen edge index, or -1 for unassigned. */
export type EdgeChoice = Int32Array;

/** The number of assigned orders and their total score of a choice (the lexicographic objective). */
export function evaluateChoice(
  graph: CandidateGraph,
  choice: EdgeChoice,
): { assigned: number; score: number } {
  let assigned = 0;
  let score = 0;
  for (let i = 0; i < choice.length; i++) {
    if (choice[i] < 0) continue;
    assigned++;
    score += graph.edgeScore[choice[i]];
  }
  return { assigned, score };
}
