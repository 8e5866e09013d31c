/**
 * The points ledger's rules (pure): how an entry extends a balance, what verified hours are worth, star levels
 * and expiry. Nothing here reads or writes; store.ts does.
 */
import { partsOf, startOfDate } from '../../../miniprogram/shared/calendar';
import type { EntryKind, PointRuleDoc } from './documents';

/** The rule a street has until its admin sets one: 10 points an hour, expiring at the end of the second year. */
export const DEFAULT_RULE: Pick<PointRuleDoc, 'pointsPerHour' | 'expiryYears' | 'starHours'> = {
  pointsPerHour: 10,
  expiryYears: 2,
  starHours: [100, 300, 600, 1000, 1500],
};

/** The last entry's state (an empty ledger is n 0, balance 0). */
export interface LedgerHead {
  n: number;
  balanceAfter: number;
  earnedAfter: number;
}

/** The head of an empty ledger. */
export const EMPTY_HEAD: LedgerHead = { n: 0, balanceAfter: 0, earnedAfter: 0 };

/** What an entry does to the balance, planned against the head it extends. */
export interface Movement {
  n: number;
  delta: number;
  balanceAfter: number;
  earnedAfter: number;
  shortfall?: number;
}

/** A refusal: the balance does not cover a spend or a gift. */
export interface Insufficient {
  insufficient: true;
  balance: number;
}

/**
 * Kinds that take from the person by their own choice: refused when the balance does not cover them. Expiry and
 * negative adjustments (a revoked hour) are compensations: they take what is there and record the shortfall.
 */
const REFUSED_WHEN_SHORT: readonly EntryKind[] = ['spend', 'give'];

/** Kinds that count as points earned (what expiry is measured against). */
const EARNING: readonly EntryKind[] = ['earn', 'adjust', 'receive'];

/**
 * Plans the entry that follows `head` with `delta`. The balance never goes below zero: a spend or gift the
 * balance does not cover is refused; a compensation takes at most the balance and records the rest as shortfall.
 */
export function planMovement(head: LedgerHead, kind: EntryKind, delta: number): Movement | Insufficient {
  if (!Number.isInteger(delta)) throw new Error(`points move in whole numbers (${delta})`);
  let applied = delta;
  let shortfall: number | undefined;
  if (head.balanceAfter + delta < 0) {
    if (REFUSED_WHEN_SHORT.includes(kind)) return { insufficient: true, balance: head.balanceAfter };
    applied = -head.balanceAfter;
    shortfall = -(delta - applied);
  }
  const earned = EARNING.includes(kind) ? Math.max(0, applied) : 0;
  return {
    n: head.n + 1,
    delta: applied,
    balanceAfter: head.balanceAfter + applied,
    earnedAfter: head.earnedAfter + earned,
    ...(shortfall ? { shortfall } : {}),
  };
}

/** Whether a plan was refused. */
export function isInsufficient(m: Movement | Insufficient): m is Insufficient {
  return 'insufficient' in m;
}

/** Points for verified minutes at a rate per hour (whole points, rounded down: a started hour earns its share). */
export function pointsForMinutes(minutes: number, pointsPerHour: number): number {
  return Math.floor((Math.max(0, minutes) * pointsPerHour) / 60);
}

/**
 * The points an hours entry moves: what the sign-up's verified minutes are worth after it minus before it, so
 * the earn and every later compensation add up to exactly the worth of the final verified time.
 */
export function pointsForHoursEntry(
  verifiedBefore: number,
  verifiedAfter: number,
  pointsPerHour: number,
): number {
  return pointsForMinutes(verifiedAfter, pointsPerHour) - pointsForMinutes(verifiedBefore, pointsPerHour);
}

/** The star level (0 … 5) of a cumulative verified time. */
export function starLevel(verifiedMinutes: number, starHours: readonly number[]): number {
  const hours = verifiedMinutes / 60;
  return starHours.filter((h) => hours >= h).length;
}

/** Hours still needed for the next star, or undefined at the top. */
export function hoursToNextStar(verifiedMinutes: number, starHours: readonly number[]): number | undefined {
  const next = starHours[starLevel(verifiedMinutes, starHours)];
  return next === undefined ? undefined : Math.ceil(next - verifiedMinutes / 60);
}

/**
 * Expiry: points earned in a year expire at the end of the `expiryYears`-th year after it (2: earned in 2024,
 * gone after 31 December 2026), oldest first — what was spent, given or taken is counted against the oldest points.
 * The instant before which earnings have expired at `now` (start of the Beijing year now − expiryYears), or
 * undefined when points never expire.
 */
export function expiryCutoff(now: Date, expiryYears: number): Date | undefined {
  if (expiryYears <= 0) return undefined;
  return startOfDate(`${partsOf(now).year - expiryYears}-01-01`);
}

/** The next instant at which points expire (the end of this Beijing year), and the cutoff that will then apply. */
export function nextExpiry(now: Date, expiryYears: number): { at: Date; cutoff: Date } | undefined {
  if (expiryYears <= 0) return undefined;
  const year = partsOf(now).year;
  return { at: startOfDate(`${year + 1}-01-01`), cutoff: startOfDate(`${year + 1 - expiryYears}-01-01`) };
}

/**
 * How many points expire: what was earned before the cutoff (`earnedBefore`, the running total of the last entry
 * before it) less everything already used up (spent, given, expired, taken back: earned − balance), never more
 * than the balance. Zero once expired, so running it again does nothing.
 */
export function expiringAmount(earnedBefore: number, head: LedgerHead): number {
  const usedUp = head.earnedAfter - head.balanceAfter;
  return Math.max(0, Math.min(head.balanceAfter, earnedBefore - usedUp));
}
