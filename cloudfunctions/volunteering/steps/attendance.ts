/** What check-in and check-out both do before writing: the code, the volunteer's seat, and the distance. */
import { AppError, forbidden, invalid } from '../../common/errors';
import { CODE_REFUSAL_TEXT, usableSecret, verifyCheckinCode } from '../domain/checkinCode';
import { radiusCheck, type LatLng } from '../domain/geo';
import { distanceText } from '../domain/recommend';
import { standingOf, type MemberStanding } from '../domain/roster';
import type { ActivityDoc } from '../documents';
import { loadActivity } from '../store';

/**
 * Verifies the scanned code for the activity (before any read: a wrong code costs nothing), loads the activity,
 * finds the caller's seat by identity, and measures how far they are. Throws INVALID_INPUT for a bad code,
 * FORBIDDEN without a seat.
 */
export async function scanned(
  input: { activityId: string; code: string; location: LatLng },
  openid: string,
  now: Date,
): Promise<{ a: ActivityDoc; seat: MemberStanding; distance: { distanceM: number; inside: boolean } }> {
  const verdict = verifyCheckinCode(checkinSecret(), input.activityId, input.code, now);
  if (!verdict.ok)
    throw invalid(CODE_REFUSAL_TEXT[verdict.reason], [{ path: 'code', message: verdict.reason }]);
  const a = await loadActivity(input.activityId);
  const seat = standingOf(a.members, a.capacity, { openid });
  if (!seat) throw forbidden('您没有报名这个活动');
  if (seat.standing !== 'admitted')
    throw forbidden(`您在候补名单第 ${seat.position} 位，还没有名额，不能签到`);
  return { a, seat, distance: radiusCheck(a.location, input.location, a.checkinRadiusM) };
}

/** Refuses a location outside the radius, saying how far away it is. */
export function requireInside(
  d: { distanceM: number; inside: boolean },
  radiusM: number,
  what: string,
): void {
  if (!d.inside)
    throw invalid(`您距活动地点约 ${distanceText(d.distanceM)}，需在 ${radiusM} 米范围内${what}`, [
      { path: 'location', message: `distance ${d.distanceM} m > radius ${radiusM} m` },
    ]);
}

/** The check-in secret, or a refusal: check-in never runs on a made-up secret. */
export function checkinSecret(): string {
  const secret = usableSecret(process.env.MULIN_CHECKIN_SECRET);
  if (!secret) {
    console.error('MULIN_CHECKIN_SECRET is not set (or shorter than 16 characters): check-in is disabled');
    throw new AppError('INTERNAL', '签到功能尚未配置，请联系管理员');
  }
  return secret;
}
