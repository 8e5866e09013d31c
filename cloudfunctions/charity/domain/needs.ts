/**
 * Needs and what can be claimed of them. `available` is quantity minus the units of active claims; the store
 * changes it only with an update conditional on enough being left, and these functions are the same rules in
 * pure form (the property tests drive them to show a need is never over-claimed).
 */
import { conflict, invalid, limitReached, notFound } from '../../common/errors';
import { CHARITY_LIMITS, type NeedState } from '../contract';
import type { Claim, NeedDoc } from '../documents';

/** The parts of a need the claim rules look at. */
export type NeedLike = Pick<
  NeedDoc,
  'quantity' | 'available' | 'delivered' | 'closed' | 'deadline' | 'moderation' | 'claims'
>;

/** Where a need stands at `now`. */
export function needState(need: NeedLike, now: Date): NeedState {
  if (need.delivered >= need.quantity) return 'fulfilled';
  if (need.closed) return 'closed';
  if (new Date(need.deadline).getTime() <= now.getTime()) return 'expired';
  return need.available > 0 ? 'open' : 'full';
}

/** Units reserved by active claims. */
export function activeUnits(claims: Record<string, Claim>): number {
  return Object.values(claims).reduce((s, c) => s + (c.state === 'active' ? c.q : 0), 0);
}

/** The window a pledge date must fall in: not before an hour from now, not after 14 days or the need's deadline. */
export function pledgeWindow(now: Date, deadline?: Date): { earliest: Date; latest: Date } {
  const earliest = new Date(now.getTime() + CHARITY_LIMITS.pledgeMinutesMin * 60_000);
  const cap = now.getTime() + CHARITY_LIMITS.pledgeDaysMax * 86_400_000;
  const latest = new Date(deadline ? Math.min(cap, new Date(deadline).getTime()) : cap);
  return { earliest, latest };
}

/** Throws INVALID_INPUT unless `pledgeBy` lies in the pledge window. */
export function checkPledgeBy(pledgeBy: Date, now: Date, deadline?: Date): void {
  const { earliest, latest } = pledgeWindow(now, deadline);
  if (pledgeBy < earliest || pledgeBy > latest) {
    throw invalid('送达日期须在一小时后、14 天内，且不晚于心愿截止日期', [
      { path: 'pledgeBy', message: 'outside the pledge window' },
    ]);
  }
}

/** Throws the error that explains why `quantity` units of `need` cannot be claimed now (or returns if they can). */
export function checkClaimable(need: NeedLike | undefined, quantity: number, now: Date): void {
  if (!need || need.moderation !== 'pass') throw notFound('心愿');
  const state = needState(need, now);
  if (state === 'closed' || state === 'fulfilled') throw conflict('这个心愿已经结束');
  if (state === 'expired') throw conflict('这个心愿已过截止日期');
  if (need.available < quantity) {
    throw limitReached(
      need.available === 0 ? '这个心愿已被认领完了' : `这个心愿只剩 ${need.available} 件可认领`,
    );
  }
}

/** The claim as the store's conditional update applies it: the new need, or undefined if it would not match. */
export function tryClaim(
  need: NeedLike,
  donationId: string,
  quantity: number,
  now: Date,
  via: Claim['via'] = 'pledge',
): NeedLike | undefined {
  const open = !need.closed && new Date(need.deadline) > now && need.moderation === 'pass';
  if (!open || need.available < quantity || donationId in need.claims) return undefined;
  return {
    ...need,
    available: need.available - quantity,
    claims: { ...need.claims, [donationId]: { q: quantity, state: 'active', at: now, via } },
  };
}

/**
 * Gives units of a claim back: all of them (expired, cancelled, refused) or all but `keep` (fewer brought than
 * pledged). Returns the need unchanged when the claim is not active (so it is safe to repeat).
 */
export function releaseClaim(need: NeedLike, donationId: string, keep = 0): NeedLike {
  const claim = need.claims[donationId];
  if (!claim || claim.state !== 'active' || keep >= claim.q) return need;
  const back = claim.q - keep;
  return {
    ...need,
    available: need.available + back,
    claims: {
      ...need.claims,
      [donationId]: keep > 0 ? { ...claim, q: keep } : { ...claim, state: 'released' },
    },
  };
}
