// Independent checks for matching results, written from the constraints and the objective rather than from
// the solvers' code: a constraint validator, a brute-force optimum for tiny instances, and an optimality
// certificate (no negative cycle in the residual graph) for instances too big to enumerate.

import {
  capacityInSlot,
  feasible,
  MAX_EDGE_SCORE,
  scoreAssignment,
  staffCapacityInSlot,
} from '../../cloudfunctions/services/domain/matching/score';
import type {
  MatchOrder,
  MatchProvider,
  MatchResult,
  MatchingInput,
} from '../../cloudfunctions/services/domain/matching/types';

/** Every way the result breaks a hard constraint or misreports itself; empty when it is valid. */
export function violations(input: MatchingInput, result: MatchResult): string[] {
  const problems: string[] = [];
  const orders = new Map(input.orders.map((o) => [o.id, o]));
  const providers = new Map(input.providers.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const load = new Map<string, number>(); // provider \0 slot → orders
  const staffLoad = new Map<string, number>(); // provider \0 staff \0 slot → orders
  let total = 0;
  for (const a of result.assignments) {
    const order = orders.get(a.orderId);
    const provider = providers.get(a.providerId);
    if (!order || !provider) {
      problems.push(`unknown order or provider in ${JSON.stringify(a)}`);
      continue;
    }
    if (seen.has(a.orderId)) problems.push(`order ${a.orderId} listed twice`);
    seen.add(a.orderId);
    if (!feasible(order, provider)) problems.push(`order ${a.orderId} infeasible for ${a.providerId}`);
    // Checked here on its own as well: `feasible` is the solvers' code, this is the rule as stated.
    if (order.excludeProviders?.includes(provider.id))
      problems.push(`order ${a.orderId} given to ${a.providerId}, which it excludes`);
    if (a.slot !== order.slot) problems.push(`order ${a.orderId} moved to slot ${a.slot}`);
    const expected = scoreAssignment(order, provider, input.history);
    if (a.score !== expected) problems.push(`order ${a.orderId} score ${a.score}, expected ${expected}`);
    total += a.score;
    const key = `${provider.id}\0${order.slot}`;
    load.set(key, (load.get(key) ?? 0) + 1);
    if (provider.staff) {
      const member = provider.staff.find((s) => s.id === a.staffId);
      if (!member) problems.push(`order ${a.orderId} has no staff of ${provider.id} (got ${a.staffId})`);
      else {
        const staffKey = `${provider.id}\0${member.id}\0${order.slot}`;
        const used = (staffLoad.get(staffKey) ?? 0) + 1;
        staffLoad.set(staffKey, used);
        if (used > staffCapacityInSlot(member.slots, order.slot)) {
          problems.push(`staff ${member.id} over capacity in ${order.slot}`);
        }
      }
    } else if (a.staffId !== undefined)
      problems.push(`order ${a.orderId} has staff of a provider without staff`);
  }
  for (const [key, used] of load) {
    const [providerId, slot] = key.split('\0');
    const capacity = capacityInSlot(providers.get(providerId) as MatchProvider, slot);
    if (used > capacity) problems.push(`${providerId} has ${used} orders in ${slot}, capacity ${capacity}`);
  }
  for (const u of result.unassigned) {
    if (seen.has(u.orderId)) problems.push(`order ${u.orderId} both assigned and unassigned`);
    seen.add(u.orderId);
  }
  if (seen.size !== orders.size || result.assignments.length + result.unassigned.length !== orders.size) {
    problems.push(`orders accounted for: ${seen.size} of ${orders.size}`);
  }
  if (total !== result.totalScore) problems.push(`totalScore ${result.totalScore}, sum ${total}`);
  return problems;
}

/** The lexicographic objective value of a result: assigned orders, then total score. */
export interface Objective {
  assigned: number;
  score: number;
}

/** The objective of a result. */
export function objectiveOf(result: MatchResult): Objective {
  return { assigned: result.assignments.length, score: result.totalScore };
}

/** a compared with b lexicographically: negative when a is worse, 0 when equal, positive when better. */
export function compareObjective(a: Objective, b: Objective): number {
  return a.assigned - b.assigned || a.score - b.score;
}

/** The optimum by enumerating every assignment (tiny instances only: ∏ (feasible providers + 1) leaves). */
export function bruteForceOptimum(input: MatchingInput): Objective {
  const providers = input.providers;
  const options = input.orders.map((order: MatchOrder) =>
    providers
      .map((p, k) => ({ k, score: scoreAssignment(order, p, input.history) }))
      .filter(({ k }) => feasible(order, providers[k]) && capacityInSlot(providers[k], order.slot) > 0),
  );
  const remaining = new Map<string, number>();
  let best: Objective = { assigned: 0, score: 0 };
  const visit = (i: number, assigned: number, score: number): void => {
    if (i === input.orders.length) {
      if (compareObjective({ assigned, score }, best) > 0) best = { assigned, score };
      return;
    }
    const slot = input.orders[i].slot;
    visit(i + 1, assigned, score);
    for (const { k, score: s } of options[i]) {
      const key = `${k}\0${slot}`;
      const left = remaining.get(key) ?? capacityInSlot(providers[k], slot);
      if (left === 0) continue;
      remaining.set(key, left - 1);
      visit(i + 1, assigned + 1, score + s);
      remaining.set(key, left);
    }
  };
  visit(0, 0, 0);
  return best;
}

/**
 * Whether the result is a lexicographic optimum, by the min-cost-flow optimality condition: a flow is min-cost
 * for its supplies iff its residual graph has no negative cycle. The flow: each order sends one unit to the
 * sink through a (provider, slot) bucket or through an "unassigned" arc costing (orders + 1) × MAX_EDGE_SCORE,
 * which makes min cost the lexicographic optimum. Bellman–Ford from a virtual source, O(V·E).
 */
export function isOptimal(input: MatchingInput, result: MatchResult): boolean {
  const unassignedCost = (input.orders.length + 1) * MAX_EDGE_SCORE;
  const chosen = new Map(result.assignments.map((a) => [a.orderId, a.providerId]));
  const bucketIndex = new Map<string, number>();
  const arcs: [number, number, number][] = [];
  const orderCount = input.orders.length;
  const sink = orderCount;
  const bucketNode = (providerId: string, slot: string): number => {
    const key = `${providerId}\0${slot}`;
    let b = bucketIndex.get(key);
    if (b === undefined) {
      b = orderCount + 1 + bucketIndex.size;
      bucketIndex.set(key, b);
    }
    return b;
  };
  const used = new Map<number, number>();
  input.orders.forEach((order, o) => {
    const mine = chosen.get(order.id);
    for (const p of input.providers) {
      if (!feasible(order, p) || capacityInSlot(p, order.slot) === 0) continue;
      const b = bucketNode(p.id, order.slot);
      const cost = MAX_EDGE_SCORE - scoreAssignment(order, p, input.history);
      if (p.id === mine) {
        arcs.push([b, o, -cost]);
        used.set(b, (used.get(b) ?? 0) + 1);
      } else arcs.push([o, b, cost]);
    }
    if (mine === undefined) arcs.push([sink, o, -unassignedCost]);
    else arcs.push([o, sink, unassignedCost]);
  });
  for (const [key, b] of bucketIndex) {
    const [providerId, slot] = key.split('\0');
    const capacity = capacityInSlot(input.providers.find((p) => p.id === providerId) as MatchProvider, slot);
    const n = used.get(b) ?? 0;
    if (n < capacity) arcs.push([b, sink, 0]);
    if (n > 0) arcs.push([sink, b, 0]);
  }
  const nodeCount = orderCount + 1 + bucketIndex.size;
  const dist = new Float64Array(nodeCount); // all 0: a virtual source with 0-cost arcs to every node
  for (let round = 0; round < nodeCount; round++) {
    let changed = false;
    for (const [u, v, c] of arcs) {
      if (dist[u] + c < dist[v]) {
        dist[v] = dist[u] + c;
        changed = true;
      }
    }
    if (!changed) return true;
  }
  return false;
}
