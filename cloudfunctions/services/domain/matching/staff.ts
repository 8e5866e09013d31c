// Staff assignment inside one provider and slot, after orders have gone to providers. Deliberately simple:
// 1. continuity first: a resident gets the staff member who last served them for this provider (same category
//    preferred), if that person works the slot and has room; residents compete for a person in id order;
// 2. everyone else, in order id order, gets the staff member with the most room left (ties: lower staff id),
//    which spreads the slot's work evenly.
// Matching already capped the provider's slot capacity at the staff's total, so everyone gets someone.
// Staff have no location or skills here; if they get them, this becomes a small matching problem of its own.

import { staffCapacityInSlot, type ContinuityIndex } from './score';
import type { MatchOrder, MatchProvider, SlotKey } from './types';

/** The staff member who last served the resident for this provider: same category first, else any. */
export function preferredStaff(
  order: MatchOrder,
  providerId: string,
  history: ContinuityIndex,
): string | undefined {
  let fallback: string | undefined;
  for (const entry of history.get(order.residentId) ?? []) {
    if (entry.providerId !== providerId || entry.staffId === undefined) continue;
    if (entry.category === order.category) return entry.staffId;
    fallback ??= entry.staffId;
  }
  return fallback;
}

/**
 * Staff ids for the orders one provider got in one slot (orders sorted by id; result parallel to them).
 * Undefined entries when the provider does not model staff, or (never after matching) when staff run out.
 */
export function assignStaff(
  provider: MatchProvider,
  slot: SlotKey,
  orders: readonly MatchOrder[],
  history: ContinuityIndex,
): (string | undefined)[] {
  const result = new Array<string | undefined>(orders.length).fill(undefined);
  if (!provider.staff || orders.length === 0) return result;
  const staff = [...provider.staff].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const room = staff.map((member) => staffCapacityInSlot(member.slots, slot));
  const indexOf = new Map(staff.map((member, k) => [member.id, k]));

  orders.forEach((order, i) => {
    const wanted = preferredStaff(order, provider.id, history);
    const k = wanted === undefined ? undefined : indexOf.get(wanted);
    if (k !== undefined && room[k] > 0) {
      result[i] = staff[k].id;
      room[k]--;
    }
  });
  orders.forEach((_order, i) => {
    if (result[i] !== undefined) return;
    let best = -1;
    for (let k = 0; k < staff.length; k++) if (room[k] > 0 && (best < 0 || room[k] > room[best])) best = k;
    if (best < 0) return;
    result[i] = staff[best].id;
    room[best]--;
  });
  return result;
}
