/**
 * The 爱心积分 ledger's collections and documents (pure). One ledger serves volunteering (points earned from
 * verified hours, adjustments) and charity (points spent at the supermarket, given to a need or a relative).
 *
 * A person's ledger is a chain: their entries are numbered 1, 2, … and each carries the balance after it. The
 * id of entry n comes from (person, n), so two writers extending the same balance collide on the primary key and
 * only one lands: the balance is the last entry's `balanceAfter`, always equal to the sum of the deltas, and the
 * check "never below zero" is made against the very entry the new one extends. No separate balance document can
 * drift from the entries, and no transaction is needed (two round trips: read the last entry, insert the next).
 */
import { idempotentId } from '../ids';

/** Collection names. */
export const POINT_ENTRIES = 'points_entries';
export const POINT_RULES = 'points_rules';
export const POINT_REMINDERS = 'points_reminders';

/**
 * A reminder sent (or being sent) to a person: `_id` is `${userId}@${key}`, so it is written once; written before
 * the message goes, so a run killed between the two loses that message rather than sending it twice.
 */
export interface PointReminderDoc {
  _id: string;
  userId: string;
  /** What the reminder was about: the day points expire, `2026-12-31`. */
  key: string;
  at: Date;
}

/** What moves points. */
export type EntryKind = 'earn' | 'spend' | 'refund' | 'give' | 'receive' | 'expire' | 'adjust';

/** What an entry was caused by, in words the person can read, with the id it came from. */
export interface EntryCause {
  /**
   * hours: a verified hours entry; redemption: a reservation of goods; gift: a gift to a relative; need: a gift to
   * a charity need (the supermarket buys the item with it); admin: an adjustment.
   */
  type: 'hours' | 'redemption' | 'gift' | 'need' | 'admin' | 'expiry';
  /** The id of the thing (hours entry, reservation, gift). */
  id: string;
  /** What the person sees: the activity, the goods, the relative, the reason. */
  title: string;
}

/** One line of a person's points ledger (append-only). */
export interface PointEntryDoc {
  _id: string;
  userId: string;
  n: number;
  kind: EntryKind;
  /** Points added (negative: taken). */
  delta: number;
  balanceAfter: number;
  /** Points earned so far (earn and positive adjustments), for the expiry rule. */
  earnedAfter: number;
  cause: EntryCause;
  /** `<type>:<id>` under a unique index: one cause moves points once, however often it is replayed. */
  causeKey: string;
  /** An adjustment's reason (shown to the person). */
  reason?: string;
  /** A compensation that asked for more than the balance held (the rest was already spent). */
  shortfall?: number;
  /** [district, street, community] of the place it concerns, for the street's reports. */
  placePath: string[];
  /** `system` or the user id of whoever caused it. */
  by: string;
  at: Date;
  /** The Beijing month of `at` (2026-06), for the monthly report. */
  month: string;
}

/** A street's points rule (`_id` is the street id). */
export interface PointRuleDoc {
  _id: string;
  /** Points per verified hour. */
  pointsPerHour: number;
  /** Points expire at the end of this many calendar years after the year they were earned (0: never). */
  expiryYears: number;
  /** Cumulative verified hours for 一星 … 五星. */
  starHours: number[];
  updatedBy: string;
  updatedAt: Date;
}

/** The id of a person's n-th entry: two writers of the same entry collide on the primary key. */
export function pointEntryId(userId: string, n: number): string {
  return idempotentId(userId, 'points', String(n));
}

/** The unique key of a cause. */
export function causeKeyOf(cause: Pick<EntryCause, 'type' | 'id'>, kind: EntryKind): string {
  return `${kind}:${cause.type}:${cause.id}`;
}
