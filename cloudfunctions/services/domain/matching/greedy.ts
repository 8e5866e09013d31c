// The baseline: take edges best score first, whenever the order is still open and the bucket has room.
// It never violates a constraint, but it can strand an order whose only provider was filled by an order that
// had other options, and it can lose score the same way; the exact solver fixes both.

import { MAX_EDGE_SCORE } from './score';
import type { CandidateGraph, EdgeChoice } from './candidates';

/** Greedy assignment on a candidate graph: best edges first; ties go to the lower order id, then provider id. */
export function solveGreedy(graph: CandidateGraph): EdgeChoice {
  const { edgeStart, edgeBucket, edgeScore } = graph;
  const orderCount = graph.orders.length;
  const edgeCount = edgeBucket.length;

  // Counting sort by score, descending. Scores are small integers, so this is O(E + MAX_EDGE_SCORE), and it is
  // stable: equal scores keep edge order, which is order index, then provider index — the id tie-break.
  const maxScore = MAX_EDGE_SCORE; // read once: imported bindings are getters under CommonJS interop
  const next = new Int32Array(maxScore + 2);
  for (let e = 0; e < edgeCount; e++) next[maxScore - edgeScore[e] + 1]++;
  for (let k = 1; k < next.length; k++) next[k] += next[k - 1];
  const sorted = new Int32Array(edgeCount);
  const orderOf = new Int32Array(edgeCount);
  for (let i = 0; i < orderCount; i++) {
    for (let e = edgeStart[i]; e < edgeStart[i + 1]; e++) {
      orderOf[e] = i;
      sorted[next[maxScore - edgeScore[e]]++] = e;
    }
  }

  const remaining = Int32Array.from(graph.bucketCapacity);
  const choice = new Int32Array(orderCount).fill(-1);
  for (let k = 0; k < edgeCount; k++) {
    const e = sorted[k];
    const i = orderOf[e];
    const b = edgeBucket[e];
    if (choice[i] >= 0 || remaining[b] === 0) continue;
    choice[i] = e;
    remaining[b]--;
  }
  return choice;
}
