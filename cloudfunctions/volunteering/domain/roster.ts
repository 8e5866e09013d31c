/**
 * Seats and the waitlist, as a pure function of the activity's members (arrival order) and capacity: the first
 * `capacity` members not cancelled hold seats; the others wait in arrival order. Because status is derived, a
 * seat can never be sold twice, the waitlist is FIFO by construction, and a cancellation promotes exactly the one
 * volunteer who becomes the capacity-th active member — computed from the single atomic update that cancelled.
 */
import type { MemberEntry } from '../documents';

/** A member's standing. */
export interface MemberStanding {
  entry: MemberEntry;
  /** Index in members: arrival order. */
  ticket: number;
  standing: 'admitted' | 'waiting';
  /** 1-based place on the waitlist. */
  position?: number;
}

/** Every active member with their standing, in arrival order. */
export function standings(members: readonly MemberEntry[], capacity: number): MemberStanding[] {
  const out: MemberStanding[] = [];
  members.forEach((entry, ticket) => {
    if (entry.c) return;
    const rank = out.length;
    out.push(
      rank < capacity
        ? { entry, ticket, standing: 'admitted' }
        : { entry, ticket, standing: 'waiting', position: rank - capacity + 1 },
    );
  });
  return out;
}

/** The volunteer ids holding seats. */
export function admittedIds(members: readonly MemberEntry[], capacity: number): string[] {
  return standings(members, capacity)
    .filter((s) => s.standing === 'admitted')
    .map((s) => s.entry.v);
}

/** A volunteer's active standing, found by volunteer id or by openid. */
export function standingOf(
  members: readonly MemberEntry[],
  capacity: number,
  who: { volunteerId: string } | { openid: string },
): MemberStanding | undefined {
  return standings(members, capacity).find((s) =>
    'volunteerId' in who ? s.entry.v === who.volunteerId : s.entry.o === who.openid,
  );
}

/** The members as they were before the entry at `ticket` was cancelled (the only change one cancel makes). */
export function beforeCancellation(members: readonly MemberEntry[], ticket: number): MemberEntry[] {
  return members.map((m, i) => {
    if (i !== ticket) return m;
    const { c: _c, ...rest } = m;
    return rest;
  });
}

/** Members who hold a seat in `after` but did not in `before` (a cancellation or a capacity change moved them up). */
export function promotedBetween(
  before: { members: readonly MemberEntry[]; capacity: number },
  after: { members: readonly MemberEntry[]; capacity: number },
): MemberEntry[] {
  const had = new Set(admittedIds(before.members, before.capacity));
  return standings(after.members, after.capacity)
    .filter((s) => s.standing === 'admitted' && !had.has(s.entry.v))
    .map((s) => s.entry);
}

/** Seat counts from the active count alone (list views do not read members). */
export function seatCounts(
  activeCount: number,
  capacity: number,
): { admitted: number; waiting: number; seatsLeft: number } {
  return {
    admitted: Math.min(activeCount, capacity),
    waiting: Math.max(0, activeCount - capacity),
    seatsLeft: Math.max(0, capacity - activeCount),
  };
}
