// The exact solver: min-cost flow on orders → (provider, slot) buckets → sink, by successive shortest paths
// with Dijkstra and Johnson potentials, on a bipartite residual graph kept implicitly (Hungarian-style).
//
// Objective (lexicographic): first the maximum number of orders assigned, then the maximum total score among
// those assignments. An unserved elder is worse than a slightly worse match for several others.
// How: an order → bucket arc costs MAX_EDGE_SCORE − score ≥ 0, and every order also has an "unassigned" arc
// straight to the sink costing UNASSIGNED = (orders + 1) × MAX_EDGE_SCORE, more than any difference in
// score the real arcs can make. Every order then sends one unit, and the min-cost flow minimises
// UNASSIGNED × unassigned + Σ (MAX_EDGE_SCORE − score): fewest unassigned first, then highest score — the
// "large constant per assigned edge" formulation, with the constant on the complement.
//
// Orders are added one at a time (by id), each with one Dijkstra from the order to the sink: the classic
// successive-shortest-path argument keeps the flow min-cost for the orders added so far, so the final flow is
// optimal. A path may move already-assigned orders to other buckets, or push out an order that matters less.
// Dijkstra from one order only ever explores that order's part of the graph (different slots never share
// capacity), and it stops as soon as it reaches the sink. Measured: ~30 ms for 5,000 × 500 over a week of
// half-day slots; ~0.4 s in the worst shape, all 5,000 orders in one slot (one big component).

import { MAX_EDGE_SCORE } from './score';
import type { CandidateGraph, EdgeChoice } from './candidates';

/** Exact lexicographic optimum (max assigned, then max score) on a candidate graph. */
export function solveExact(graph: CandidateGraph): EdgeChoice {
  const { edgeStart, edgeBucket, edgeScore, bucketCapacity } = graph;
  const orderCount = graph.orders.length;
  const bucketCount = bucketCapacity.length;
  // Nodes: orders [0, orderCount), buckets [orderCount, sink), then the sink.
  const sink = orderCount + bucketCount;
  const maxScore = MAX_EDGE_SCORE; // read once: imported bindings are getters under CommonJS interop
  const unassignedCost = (orderCount + 1) * maxScore;
  const edgeCost = new Int32Array(edgeScore.length);
  for (let e = 0; e < edgeCost.length; e++) edgeCost[e] = maxScore - edgeScore[e];

  // The flow: each order's edge (-1: not assigned), and each bucket's orders in a slice of `members`.
  const assigned = new Int32Array(orderCount).fill(-1);
  // A bucket never holds more than its capacity, nor more than the orders with an edge to it.
  const memberStart = new Int32Array(bucketCount + 1);
  for (let e = 0; e < edgeBucket.length; e++) memberStart[edgeBucket[e] + 1]++;
  for (let b = 0; b < bucketCount; b++) {
    memberStart[b + 1] = memberStart[b] + Math.min(bucketCapacity[b], memberStart[b + 1]);
  }
  const members = new Int32Array(memberStart[bucketCount]);
  const used = new Int32Array(bucketCount);
  const position = new Int32Array(orderCount); // index of an assigned order within its bucket's slice

  // All arc costs start ≥ 0, so zero potentials are valid; each Dijkstra keeps them valid. The sink's
  // potential never moves (see the update below), so it is left out of the reduced costs.
  const potential = new Float64Array(sink + 1);
  const dist = new Float64Array(sink + 1).fill(Number.POSITIVE_INFINITY);
  const prevNode = new Int32Array(sink + 1);
  const prevEdge = new Int32Array(bucketCount); // the edge an order took into a bucket on the current tree
  const touched = new Int32Array(sink + 1);
  const heap = createHeap(edgeBucket.length + 2 * orderCount + bucketCount + 1);

  for (let origin = 0; origin < orderCount; origin++) {
    if (edgeStart[origin] === edgeStart[origin + 1]) continue;
    let touchedCount = 0;
    dist[origin] = 0;
    touched[touchedCount++] = origin;
    heap.size = 0;
    heapPush(heap, 0, origin);
    while (heap.size > 0) {
      const d = heap.key[0];
      const u = heapPop(heap);
      if (d > dist[u]) continue;
      // Stop at the sink: the rest of the tree is not needed for this path (see the potential update).
      if (u === sink) break;
      const pu = potential[u];
      if (u < orderCount) {
        // Residual arcs out of an order: every edge but its current one, and its "unassigned" arc (the order
        // is either the origin or currently assigned, so that arc is always free).
        const current = assigned[u];
        for (let e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
          if (e === current) continue;
          const v = orderCount + edgeBucket[e];
          const nd = d + edgeCost[e] + pu - potential[v];
          if (nd < dist[v]) {
            if (dist[v] === Number.POSITIVE_INFINITY) touched[touchedCount++] = v;
            dist[v] = nd;
            prevNode[v] = u;
            prevEdge[v - orderCount] = e;
            heapPush(heap, nd, v);
          }
        }
        const nd = d + unassignedCost + pu;
        if (nd < dist[sink]) {
          if (dist[sink] === Number.POSITIVE_INFINITY) touched[touchedCount++] = sink;
          dist[sink] = nd;
          prevNode[sink] = u;
          heapPush(heap, nd, sink);
        }
      } else {
        // Residual arcs out of a bucket: back along each member's edge (that order moves elsewhere), and to
        // the sink while there is room.
        const b = u - orderCount;
        for (let m = memberStart[b], end = memberStart[b] + used[b]; m < end; m++) {
          const o = members[m];
          const nd = d - edgeCost[assigned[o]] + pu - potential[o];
          if (nd < dist[o]) {
            if (dist[o] === Number.POSITIVE_INFINITY) touched[touchedCount++] = o;
            dist[o] = nd;
            prevNode[o] = u;
            heapPush(heap, nd, o);
          }
        }
        if (used[b] < bucketCapacity[b] && d + pu < dist[sink]) {
          if (dist[sink] === Number.POSITIVE_INFINITY) touched[touchedCount++] = sink;
          dist[sink] = d + pu;
          prevNode[sink] = u;
          heapPush(heap, d + pu, sink);
        }
      }
    }

    // The textbook update is potential[v] += min(dist[v], reach) for every node, which keeps all reduced
    // costs ≥ 0 even after stopping early. Reduced costs only see differences, so subtracting the same
    // `reach` everywhere changes nothing: only nodes closer than `reach` move (by dist − reach), and the
    // sink never does. The sink is always reached, through the origin's own "unassigned" arc if nothing else.
    const reach = dist[sink];
    for (let t = 0; t < touchedCount; t++) {
      const v = touched[t];
      if (dist[v] < reach) potential[v] += dist[v] - reach;
      dist[v] = Number.POSITIVE_INFINITY;
    }

    // Augment along the path, walking back from the sink. Each bucket on it takes the order before it, into
    // the place of the order after it (which moves on) or, at the end, into free room.
    let node = prevNode[sink];
    let place = -1; // the place in the next bucket back freed by the order moving on; -1: use free room
    if (node < orderCount) {
      // The path ends through an "unassigned" arc: this order gives up its place (or the origin stays out).
      assigned[node] = -1;
      if (node === origin) continue;
      place = position[node];
      node = prevNode[node];
    }
    for (;;) {
      const b = node - orderCount;
      const o = prevNode[node];
      const m = place < 0 ? used[b]++ : place;
      place = position[o]; // o's place in the bucket before it on the path, read before it moves
      members[memberStart[b] + m] = o;
      position[o] = m;
      assigned[o] = prevEdge[b];
      if (o === origin) break;
      node = prevNode[o];
    }
  }
  return assigned;
}

/** A binary min-heap of (key, node) in typed arrays; duplicates allowed (lazy deletion by the caller). */
interface Heap {
  key: Float64Array;
  node: Int32Array;
  size: number;
}

function createHeap(capacity: number): Heap {
  return { key: new Float64Array(capacity), node: new Int32Array(capacity), size: 0 };
}

function heapPush(heap: Heap, key: number, node: number): void {
  const { key: keys, node: nodes } = heap;
  let i = heap.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (keys[parent] <= key) break;
    keys[i] = keys[parent];
    nodes[i] = nodes[parent];
    i = parent;
  }
  keys[i] = key;
  nodes[i] = node;
}

function heapPop(heap: Heap): number {
  const { key: keys, node: nodes } = heap;
  const top = nodes[0];
  const size = --heap.size;
  const lastKey = keys[size];
  const lastNode = nodes[size];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && keys[child + 1] < keys[child]) child++;
    if (keys[child] >= lastKey) break;
    keys[i] = keys[child];
    nodes[i] = nodes[child];
    i = child;
  }
  keys[i] = lastKey;
  nodes[i] = lastNode;
  return top;
}
