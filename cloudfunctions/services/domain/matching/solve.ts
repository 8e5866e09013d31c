// The entry point: build the candidate graph, run a solver, assign staff, explain what was left over.
// Runs on order submission and on the re-matching timer; the caller passes open orders and remaining
// capacities (net of work already committed), so a run never double-books.

import { buildCandidateGraph, type CandidateGraph, type EdgeChoice } from './candidates';
import { solveExact } from './flow';
import { solveGreedy } from './greedy';
import { assignStaff } from './staff';
import type { Assignment, MatchResult, MatchingInput, SolverName, Unassigned } from './types';

/**
 * What `production` runs, chosen by measurement (bench/matching.bench.ts, 2-core machine): the exact
 * min-cost flow does a whole 5,000 × 500 run — candidate graph, solver, staff — in ~60 ms median against a
 * 200 ms budget, so production is the optimum itself and there is no accuracy to trade for speed. Greedy,
 * ~35 ms, serves ~10 % fewer orders and reaches ~93 % of the optimal score. Greedy stays as the baseline.
 */
export const PRODUCTION_SOLVER: Exclude<SolverName, 'production'> = 'exact';

/** Options of `matchOrders`. */
export interface MatchOptions {
  /** `production` (default) is `PRODUCTION_SOLVER`; `greedy` and `exact` are for comparison and tests. */
  solver?: SolverName;
}

/** Assigns open orders to providers and staff, maximising assigned orders, then total score. */
export function matchOrders(input: MatchingInput, options: MatchOptions = {}): MatchResult {
  const solver =
    options.solver === undefined || options.solver === 'production' ? PRODUCTION_SOLVER : options.solver;
  const graph = buildCandidateGraph(input);
  const choice = solver === 'greedy' ? solveGreedy(graph) : solveExact(graph);
  return toResult(graph, choice, solver);
}

/** Turns a solver's edge choice into the result: assignments with staff, unassigned with reasons. */
export function toResult(
  graph: CandidateGraph,
  choice: EdgeChoice,
  solver: MatchResult['solver'],
): MatchResult {
  const { orders, providers, slots, bucketProvider, bucketSlot, edgeBucket, edgeScore } = graph;
  const assignments: Assignment[] = [];
  const assignmentOrder: number[] = []; // order index of each assignment
  const unassigned: Unassigned[] = [];
  // Orders per bucket, in order-id order, for staff assignment.
  const byBucket = new Map<number, number[]>();
  let totalScore = 0;
  orders.forEach((order, i) => {
    const e = choice[i];
    if (e < 0) {
      unassigned.push({ orderId: order.id, reason: graph.noEdgeReason[i] ?? 'CAPACITY_EXHAUSTED' });
      return;
    }
    const b = edgeBucket[e];
    const provider = providers[bucketProvider[b]].provider;
    assignments.push({
      orderId: order.id,
      providerId: provider.id,
      slot: slots[bucketSlot[b]],
      score: edgeScore[e],
    });
    assignmentOrder.push(i);
    totalScore += edgeScore[e];
    if (provider.staff) {
      const list = byBucket.get(b);
      if (list) list.push(assignments.length - 1);
      else byBucket.set(b, [assignments.length - 1]);
    }
  });
  for (const [b, indices] of byBucket) {
    const provider = providers[bucketProvider[b]].provider;
    const bucketOrders = indices.map((k) => orders[assignmentOrder[k]]);
    const staffIds = assignStaff(provider, slots[bucketSlot[b]], bucketOrders, graph.history);
    indices.forEach((k, j) => {
      const staffId = staffIds[j];
      if (staffId !== undefined) assignments[k].staffId = staffId;
    });
  }
  return { assignments, unassigned, totalScore, solver };
}
