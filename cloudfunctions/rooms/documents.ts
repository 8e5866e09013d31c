/**
 * The rooms function's collections and documents (pure; store.ts reads and writes them).
 *
 * The room document is the single source of truth for what is taken: `used` counts the people booked into each
 * slot, `mins` each person's minutes per week, `holds` each active booking (its slots, people and minutes, which is
 * also the idempotency tag of its create). A booking, a cancellation, a closure and a team's slot are each one
 * conditional update of that one document (domain/booking.ts says which conditions), so nothing is counted and
 * then written. `rulesRev` changes whenever closures or teams change (a booking decided on older rules is
 * refused); `rev` on every change (what closures and team approvals are conditional on).
 */
import type { RoomKind } from './contract';

/** Collection names. */
export const ROOMS = 'rooms';
export const BOOKINGS = 'room_bookings';
export const TEAMS = 'room_teams';
export const ROOM_PEOPLE = 'room_people';
export const DUTIES = 'room_duties';
export const ISSUES = 'room_issues';

/** Opening hours of one weekday, minutes after Beijing midnight; null: closed that day. */
export type DayHours = { open: number; close: number } | null;

/** A whole-day closure (holiday, repair), dates inclusive. */
export interface Closure {
  id: string;
  from: string;
  to: string;
  reason: string;
  by: string;
  at: Date;
}

/** A team's weekly slot as the room keeps it (the team document has the rest). */
export interface TeamSlot {
  teamId: string;
  name: string;
  weekday: number;
  start: number;
  end: number;
  /** Dates the team does not meet. */
  skips: string[];
  /** Dates the team meets elsewhen once: from `date` to `toDate` at `toStart` (same length). */
  moves: { date: string; toDate: string; toStart: number }[];
}

/** An active booking's claim on the room (short keys: the room reads them on every booking). */
export interface Hold {
  /** Slot keys. */
  s: string[];
  /** People. */
  p: number;
  /** Booker (user id). */
  u: string;
  /** Booker's openid (to tell them when a closure cancels the booking, without reading it). */
  o: string;
  /** Week key the minutes count in. */
  w: string;
  /** Minutes. */
  m: number;
}

/** A room of a community. */
export interface RoomDoc {
  _id: string;
  communityId: string;
  communityName: string;
  /** [district, street, community]. */
  placePath: string[];
  name: string;
  kind: RoomKind;
  photos: string[];
  /** People in the room at once. */
  capacity: number;
  equipment: string[];
  rules: string;
  /** A step-free entrance (for elders and wheelchairs), and where it is. */
  accessible: boolean;
  accessNote: string;
  address: string;
  /** Index 0 = Sunday … 6 = Saturday. */
  hours: DayHours[];
  slotMinutes: number;
  weeklyLimitMinutes: number;
  cancelBeforeMinutes: number;
  managers: { id: string; name: string }[];
  managerIds: string[];
  closures: Closure[];
  teams: TeamSlot[];
  used: Record<string, number>;
  mins: Record<string, Record<string, number>>;
  holds: Record<string, Hold>;
  rulesRev: number;
  rev: number;
  /** A manager has opened the room and not closed it yet. */
  openDuty?: { id: string; by: string; name: string; at: Date };
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Booking states: booked → checkedIn | noShow | cancelled | closed (by a closure). */
export type BookingStatus = 'booked' | 'checkedIn' | 'noShow' | 'cancelled' | 'closed';

/** One booking (`_id` is the idempotent id of the booker's tap). */
export interface BookingDoc {
  _id: string;
  roomId: string;
  roomName: string;
  communityId: string;
  communityName: string;
  placePath: string[];
  /** The room's cancellation deadline when booked (a later change of the room's rule keeps its word). */
  cancelBeforeMinutes: number;
  userId: string;
  openid: string;
  /** The booker's name as managers see it (real name, else nickname); phones are never copied here. */
  name: string;
  date: string;
  /** Minutes after midnight. */
  start: number;
  end: number;
  startAt: Date;
  endAt: Date;
  slots: string[];
  people: number;
  purpose: string;
  code: string;
  status: BookingStatus;
  week: string;
  minutes: number;
  checkedInAt?: Date;
  checkedInBy?: string;
  /** How the manager checked them in. */
  checkedInHow?: 'code' | 'name';
  /** For a no-show: false until the settle timer has counted it against the booker (then true). */
  counted?: boolean;
  cancelledAt?: Date;
  closedReason?: string;
  createdAt: Date;
}

/** Team states. */
export type TeamStatus = 'pending' | 'approved' | 'rejected';

/** A resident team (文体团队) asking for or holding a weekly slot. */
export interface TeamDoc {
  _id: string;
  roomId: string;
  roomName: string;
  communityId: string;
  placePath: string[];
  name: string;
  leaderId: string;
  leaderOpenid: string;
  leaderName: string;
  members: string[];
  weekday: number;
  start: number;
  end: number;
  status: TeamStatus;
  decidedBy?: string;
  decidedAt?: Date;
  note?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A person's booking record across rooms (`_id` is their user id): no-shows and a pause. */
export interface RoomPersonDoc {
  _id: string;
  /** When each no-show happened (the booking's end). */
  noShows: Date[];
  /** The no-show bookings already counted here (the latest ones), so the settle timer counts each once. */
  counted?: string[];
  pausedUntil?: Date;
  updatedAt: Date;
}

/** A manager's turn on duty: from opening the room to closing it. */
export interface DutyDoc {
  _id: string;
  roomId: string;
  roomName: string;
  communityId: string;
  placePath: string[];
  managerId: string;
  managerName: string;
  /** The manager's openid and the room's community, copied for their volunteering hours entry. */
  managerOpenid: string;
  communityName: string;
  openedAt: Date;
  closedAt?: Date;
  minutes?: number;
  closedBy?: string;
  /** When the settle timer put the closed turn into the volunteering hours ledger (once, keyed by this id). */
  hoursAt?: Date;
}

/** A broken item a manager (or booker) reported. */
export interface IssueDoc {
  _id: string;
  roomId: string;
  roomName: string;
  communityId: string;
  placePath: string[];
  text: string;
  by: string;
  byName: string;
  status: 'open' | 'fixed';
  createdAt: Date;
}
