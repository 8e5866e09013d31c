/**
 * The volunteering service-hours ledger (`volunteer_hours`) as every capability sees it. The volunteering function
 * owns it (credits, verifications, adjustments of activity sign-ups); another capability may add service done
 * outside an activity — a room manager's turn on duty — as one verified entry, keyed by its own record's id so that
 * it lands once however often it is written (the ledger's unique index on `signupId` + `n`).
 */
import { db } from './cloud';
import { isDuplicateKey } from './db';
import { idempotentId } from './ids';

/** The collection. */
export const HOURS = 'volunteer_hours';

/** Who the service was for: a social organization (its staff manage it) or a place (its admins do). */
export interface Organizer {
  kind: 'org' | 'place';
  id: string;
  name: string;
}

/** A line of the append-only hours ledger. Entries of one sign-up are numbered 1, 2, …; `_id` comes from the pair. */
export interface HoursEntryDoc {
  _id: string;
  /** The sign-up, or the record of service outside an activity (e.g. a room duty's id). */
  signupId: string;
  n: number;
  kind: 'credit' | 'verify' | 'adjust';
  volunteerId: string;
  volunteerName: string;
  /** To tell them when their hours are verified. */
  openid: string;
  /** The activity, or the place of service outside one (e.g. the room). */
  activityId: string;
  activityTitle: string;
  activityStartAt: Date;
  organizer: Organizer;
  placePath: string[];
  communityName: string;
  /** Minutes added to the unverified and verified balances of this sign-up. */
  pendingDelta: number;
  verifiedDelta: number;
  /** Balances after this entry. */
  pendingAfter: number;
  verifiedAfter: number;
  /** Whether the sign-up's hours have been verified (this entry or an earlier one). */
  verified: boolean;
  autoClosed?: boolean;
  capped?: boolean;
  reason?: string;
  /** Client key of an adjustment, so a retried tap is recognised. */
  key?: string;
  /** Where service outside an activity came from (`roomDuty`). */
  source?: 'roomDuty';
  /** `system` (check-out, timer) or the organizer's user id. */
  by: string;
  at: Date;
}

/** The id of the n-th ledger entry of a sign-up: two writers of the same entry collide on the primary key. */
export function hoursEntryId(signupId: string, n: number): string {
  return idempotentId(signupId, 'hours', String(n));
}

/** Service done outside a volunteering activity, already confirmed by how it was recorded. */
export interface OutsideService {
  /** The id of the record it comes from: the entry is keyed by it, so it is written once. */
  recordId: string;
  source: 'roomDuty';
  volunteerId: string;
  volunteerName: string;
  openid: string;
  /** Where it was done (e.g. the room) and how the volunteer's hours page names it. */
  placeId: string;
  title: string;
  startAt: Date;
  organizer: Organizer;
  placePath: string[];
  communityName: string;
  minutes: number;
  capped?: boolean;
}

/** The single verified entry of service outside an activity (pure). */
export function outsideServiceEntry(s: OutsideService, at: Date): HoursEntryDoc {
  return {
    _id: hoursEntryId(s.recordId, 1),
    signupId: s.recordId,
    n: 1,
    kind: 'verify',
    volunteerId: s.volunteerId,
    volunteerName: s.volunteerName,
    openid: s.openid,
    activityId: s.placeId,
    activityTitle: s.title,
    activityStartAt: s.startAt,
    organizer: s.organizer,
    placePath: s.placePath,
    communityName: s.communityName,
    pendingDelta: 0,
    verifiedDelta: s.minutes,
    pendingAfter: 0,
    verifiedAfter: s.minutes,
    verified: true,
    ...(s.capped ? { capped: true } : {}),
    source: s.source,
    by: 'system',
    at,
  };
}

/** Adds the entry of service outside an activity; once per record (a second write meets the primary key). */
export async function recordOutsideService(s: OutsideService, at: Date): Promise<void> {
  try {
    await db.collection(HOURS).add({ data: outsideServiceEntry(s, at) });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}
