/**
 * Service hours: what a check-out credits (actual time, capped at the scheduled duration), and the append-only
 * ledger per sign-up. Each entry moves minutes between two balances — unverified (`pending`) and verified — and
 * records the balances after it, so the latest entry is the sign-up's state and sums of deltas are totals.
 */
import { DEFAULT_RULE } from '../../common/points/ledger';
import { conflict, invalid } from '../../common/errors';
import type { BadgeView } from '../contract';
import type { HoursEntryDoc, LedgerMovement } from '../documents';

const MINUTE = 60_000;

/** Minutes (to the nearest) for a stay from check-in to check-out, capped at the scheduled duration, never negative. */
export function creditedMinutes(
  checkInAt: Date,
  checkOutAt: Date,
  schedule: { startAt: Date; endAt: Date },
): { minutes: number; capped: boolean } {
  const actual = Math.max(0, Math.round((checkOutAt.getTime() - checkInAt.getTime()) / MINUTE));
  const scheduled = Math.round((schedule.endAt.getTime() - schedule.startAt.getTime()) / MINUTE);
  return actual > scheduled ? { minutes: scheduled, capped: true } : { minutes: actual, capped: false };
}

/** A sign-up's balances, from its latest ledger entry (none: nothing credited yet). */
export interface LedgerState {
  /** Number of the latest entry (0: none). */
  n: number;
  pending: number;
  verified: number;
  isVerified: boolean;
}

/** The state after the entries of one sign-up (any order). */
export function ledgerState(
  entries: readonly Pick<HoursEntryDoc, 'n' | 'pendingAfter' | 'verifiedAfter' | 'verified'>[],
): LedgerState {
  const last = entries.reduce<(typeof entries)[number] | undefined>(
    (a, e) => (!a || e.n > a.n ? e : a),
    undefined,
  );
  return last
    ? { n: last.n, pending: last.pendingAfter, verified: last.verifiedAfter, isVerified: last.verified }
    : { n: 0, pending: 0, verified: 0, isVerified: false };
}

/** A ledger movement (the action adds the ids, snapshots and who). */
export type Movement = LedgerMovement;

/** The first entry: what a check-out (or the timer) credits, unverified. */
export function planCredit(minutes: number, reason?: string): Movement {
  return {
    kind: 'credit',
    pendingDelta: minutes,
    verifiedDelta: 0,
    pendingAfter: minutes,
    verifiedAfter: 0,
    verified: false,
    ...(reason ? { reason } : {}),
  };
}

/**
 * The organizer confirms a sign-up's hours: the unverified minutes move to verified, or `minutes` replace them
 * (then a reason is required — including for someone who attended but never checked in).
 */
export function planVerify(state: LedgerState, minutes?: number, reason?: string): Movement {
  if (state.isVerified) throw conflict('时长已确认过；如需更正请使用“调整时长”');
  const confirmed = minutes ?? state.pending;
  if (state.n === 0 && minutes === undefined)
    throw invalid('没有签到记录，请填写实际服务分钟数和原因', [{ path: 'minutes', message: 'required' }]);
  if (state.n === 0 && !reason)
    throw invalid('没有签到记录，请写明原因（如：现场帮忙但手机没电）', [
      { path: 'reason', message: 'required' },
    ]);
  if (confirmed !== state.pending && !reason)
    throw invalid('确认的时长与记录不同，请写明原因', [{ path: 'reason', message: 'required' }]);
  return {
    kind: 'verify',
    pendingDelta: -state.pending,
    verifiedDelta: confirmed,
    pendingAfter: 0,
    verifiedAfter: state.verified + confirmed,
    verified: true,
    ...(reason ? { reason } : {}),
  };
}

/** The organizer corrects hours with a reason: before verification the unverified balance, after it the verified one. */
export function planAdjust(state: LedgerState, delta: number, reason: string): Movement {
  if (state.n === 0) throw conflict('还没有时长记录，请先确认时长');
  const balance = state.isVerified ? state.verified : state.pending;
  if (balance + delta < 0)
    throw invalid('调整后时长不能为负', [{ path: 'deltaMinutes', message: 'too small' }]);
  return state.isVerified
    ? {
        kind: 'adjust',
        pendingDelta: 0,
        verifiedDelta: delta,
        pendingAfter: state.pending,
        verifiedAfter: state.verified + delta,
        verified: true,
        reason,
      }
    : {
        kind: 'adjust',
        pendingDelta: delta,
        verifiedDelta: 0,
        pendingAfter: state.pending + delta,
        verifiedAfter: state.verified,
        verified: false,
        reason,
      };
}

/** Names of the star levels 一星 … 五星. */
const STAR_NAMES = ['一星', '二星', '三星', '四星', '五星'];

/**
 * Badge tiers by verified hours: 初心 marks the first verified hour; the star tiers are the street's (its points
 * rule, common/points), by default those of the national volunteer star rating (星级志愿者: 100/300/600/1000/1500
 * hours).
 */
export function badgeTiers(starHours: readonly number[] = DEFAULT_RULE.starHours): BadgeView[] {
  return [
    { name: '初心志愿者', minHours: 1 },
    ...starHours.map((h, i) => ({ name: `${STAR_NAMES[i] ?? `${i + 1}星`}志愿者`, minHours: h })),
  ];
}

/** The default tiers. */
export const BADGES: readonly BadgeView[] = badgeTiers();

/** The badge held and the next one, for a verified total, by the street's star thresholds (default: national). */
export function badgeFor(
  verifiedMinutes: number,
  starHours?: readonly number[],
): {
  badge?: BadgeView;
  nextBadge?: BadgeView & { minutesToGo: number };
} {
  const tiers = badgeTiers(starHours);
  const held = tiers.filter((b) => verifiedMinutes >= b.minHours * 60);
  const next = tiers.find((b) => verifiedMinutes < b.minHours * 60);
  return {
    ...(held.length > 0 ? { badge: held[held.length - 1] } : {}),
    ...(next ? { nextBadge: { ...next, minutesToGo: next.minHours * 60 - verifiedMinutes } } : {}),
  };
}

/** Hours with one decimal, as people say them: 150 → "2.5". */
export function hoursText(minutes: number): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}
