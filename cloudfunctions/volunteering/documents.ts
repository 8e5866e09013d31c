/**
 * The volunteering function's collections and the documents stored in them, with their derived ids and the
 * snapshots they copy from one another (pure; store.ts reads and writes them).
 *
 * The activity document is the single source of truth for who holds a seat: `members` lists every sign-up in the
 * order the database applied it (its index is the sign-up's ticket); a cancelled one keeps its place with `c` set.
 * The admitted volunteers are the first `capacity` members not cancelled, the rest wait in ticket order (see
 * domain/roster.ts). So a sign-up, a cancellation and the promotion it causes are each one atomic single-document
 * find-and-modify; nothing is counted and then written.
 */
import { idempotentId } from '../common/ids';
import { hoursEntryId, type HoursEntryDoc, type Organizer } from '../common/hoursLedger';
import type { Moderation } from '../common/contentCheck';
import type { GeoPointValue } from '../common/db';
import type { Skill } from './contract';
import type { LatLng } from './domain/geo';
import type { DaySlot } from './domain/time';

/** Collection names (the hours ledger's is common/hoursLedger's, shared with service outside activities). */
export { HOURS, hoursEntryId, type HoursEntryDoc, type Organizer } from '../common/hoursLedger';
export const VOLUNTEERS = 'volunteers';
export const ACTIVITIES = 'volunteer_activities';
export const SIGNUPS = 'volunteer_signups';
export const CERTIFICATES = 'volunteer_certificates';

/** A volunteer's profile (`_id` is their user id). Real name and phone stay on the user record. */
export interface VolunteerDoc {
  _id: string;
  openid: string;
  /** 张* — for organizers looking for volunteers, who need no more. */
  nameMasked: string;
  skills: Skill[];
  availability: { weekdays: number[]; slots: DaySlot[] };
  communityId: string;
  placePath: string[];
  communityName: string;
  /** Where they usually start from, when they shared it. */
  location?: LatLng;
  serviceRadiusKm: number;
  intro: string;
  /**
   * The record of the volunteer service record system: no-shows. Late cancellations are counted on their sign-ups
   * (store's LATE_CANCELS_JOIN), written once by the cancellation.
   */
  noShows: number;
  /** Agreed to be named (masked) with their hours on the community's yearly thank-you page. */
  publicThanks?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** One sign-up in arrival order. Short keys: the array is read on every sign-up, cancellation and check-in. */
export interface MemberEntry {
  /** Volunteer (user) id. */
  v: string;
  /** Their openid, to notify them and to find their entry from the caller's identity alone. */
  o: string;
  /** When they signed up. */
  t: Date;
  /** When they cancelled. */
  c?: Date;
}

/** The times that decide an activity's phases. */
export interface Schedule {
  startAt: Date;
  endAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  /** Cancelling after this (and before the start) is a late cancellation, kept on the volunteer's record. */
  cancelDeadline: Date;
}

/** A volunteer activity. */
export interface ActivityDoc extends Schedule {
  _id: string;
  title: string;
  description: string;
  coverFileId?: string;
  organizer: Organizer;
  communityId: string;
  communityName: string;
  /** [district, street, community]: admins over any of them manage the activity. */
  placePath: string[];
  address: string;
  location: LatLng;
  /** `location` as a GeoJSON point, under the 2dsphere index that "离我近" (nearest first) queries. */
  point: GeoPointValue;
  checkinRadiusM: number;
  /** 爱心积分 per verified hour on top of the street's rate. */
  bonusPointsPerHour?: number;
  capacity: number;
  skills: Skill[];
  status: 'published' | 'cancelled';
  cancelReason?: string;
  cancelledAt?: Date;
  members: MemberEntry[];
  /** Volunteer ids of the members not cancelled (the "not signed up twice" condition). */
  activeIds: string[];
  activeCount: number;
  /** Sign-ups still accepted: capacity + waitlist limit − active; a sign-up needs it > 0. */
  roomLeft: number;
  /** members.length, bounded so that the document stays small. */
  entryCount: number;
  /** Set by the timer once attendance is closed (forgotten check-outs, no-shows). */
  closedAt?: Date;
  moderation: Moderation;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What a sign-up remembers of its activity, so lists, the ledger and the export need no second read. */
export interface ActivitySnapshot {
  activityTitle: string;
  activityStartAt: Date;
  activityEndAt: Date;
  organizer: Organizer;
  placePath: string[];
  communityName: string;
}

/** One volunteer's sign-up for one activity (`_id` from the pair), with attendance. */
export interface SignupDoc extends ActivitySnapshot {
  _id: string;
  activityId: string;
  volunteerId: string;
  openid: string;
  /** Index of their current entry in the activity's members. */
  ticket: number;
  state: 'active' | 'cancelled';
  signedUpAt: Date;
  cancelledAt?: Date;
  /** The last cancellation was after the deadline. */
  late?: boolean;
  lateCancels: number;
  /** Kept for the service record and the organizer; shown masked to anyone else. */
  realName: string;
  phone: string;
  nickname: string;
  checkInAt?: Date;
  checkInDistanceM?: number;
  checkOutAt?: Date;
  checkOutDistanceM?: number;
  /** The timer closed a forgotten check-out. */
  autoClosed?: boolean;
  noShow?: boolean;
}

/** A certificate of service (志愿服务证明): a frozen copy of the verified record, found by its code. */
export interface CertificateDoc {
  /** The code printed on it, e.g. `7KQ2-M9XD-4HTA-PZ3C`. */
  _id: string;
  volunteerId: string;
  realName: string;
  verifiedMinutes: number;
  activityCount: number;
  organizerNames: string[];
  firstDate: string;
  lastDate: string;
  issuedAt: Date;
  /** The star level (or 初心) held when issued, e.g. 一星志愿者. */
  badge?: string;
}

/** Fields list views read (the members arrays stay in the database). */
export const LIST_FIELDS = { members: false, activeIds: false, point: false } as const;

/** The id of a volunteer's sign-up for an activity. */
export function signupIdOf(activityId: string, volunteerId: string): string {
  return idempotentId(activityId, 'signup', volunteerId);
}

/** What a sign-up copies from its activity. */
export function activitySnapshot(a: ActivityDoc): ActivitySnapshot {
  return {
    activityTitle: a.title,
    activityStartAt: a.startAt,
    activityEndAt: a.endAt,
    organizer: a.organizer,
    placePath: a.placePath,
    communityName: a.communityName,
  };
}

/** The fields every ledger entry of a sign-up repeats (so the export and totals need no joins). */
export type EntryBase = Pick<
  HoursEntryDoc,
  | 'signupId'
  | 'volunteerId'
  | 'volunteerName'
  | 'openid'
  | 'activityId'
  | 'activityTitle'
  | 'activityStartAt'
  | 'organizer'
  | 'placePath'
  | 'communityName'
>;

/** The entry base of a sign-up. */
export function entryBaseOf(s: SignupDoc): EntryBase {
  return {
    signupId: s._id,
    volunteerId: s.volunteerId,
    volunteerName: s.realName,
    openid: s.openid,
    activityId: s.activityId,
    activityTitle: s.activityTitle,
    activityStartAt: s.activityStartAt,
    organizer: s.organizer,
    placePath: s.placePath,
    communityName: s.communityName,
  };
}

/** The entry base carried by an earlier entry. */
export function entryBaseFromEntry(e: HoursEntryDoc): EntryBase {
  const {
    signupId,
    volunteerId,
    volunteerName,
    openid,
    activityId,
    activityTitle,
    activityStartAt,
    organizer,
  } = e;
  return {
    signupId,
    volunteerId,
    volunteerName,
    openid,
    activityId,
    activityTitle,
    activityStartAt,
    organizer,
    placePath: e.placePath,
    communityName: e.communityName,
  };
}

/** How an entry moves a sign-up's balances (domain/hours plans it). */
export type LedgerMovement = Pick<
  HoursEntryDoc,
  'kind' | 'pendingDelta' | 'verifiedDelta' | 'pendingAfter' | 'verifiedAfter' | 'verified' | 'reason'
>;

/** The n-th ledger entry of a sign-up. */
export function hoursEntry(
  base: EntryBase,
  n: number,
  m: LedgerMovement,
  by: string,
  at: Date,
  extra: Pick<HoursEntryDoc, 'autoClosed' | 'capped' | 'key'> = {},
): HoursEntryDoc {
  return { _id: hoursEntryId(base.signupId, n), ...base, n, ...m, by, at, ...extra };
}
