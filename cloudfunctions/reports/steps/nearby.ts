/**
 * The same problem reported twice: an open report of the same matter within `mergeMetres` and `mergeDays`. The
 * candidates come from a box around the point (plain indexed ranges, so it can ride along the action's first
 * read); the exact distance is checked here.
 */
import { _ } from '../../common/cloud';
import type { Join } from '../../common/joins';
import { REPORTS_LIMITS } from '../contract';
import { boxAround, metresBetween, type LatLng } from '../domain/geo';
import { OPEN_STATUSES, REPORTS, type ReportDoc } from '../documents';

const DAY = 86_400_000;

/** The join of candidate reports (same matter, open, recent, in the box). */
export function sameNearbyJoin(matterId: string, at: LatLng, now: Date): Join {
  const box = boxAround(at, REPORTS_LIMITS.mergeMetres);
  return {
    as: 'nearby',
    from: REPORTS,
    match: {
      matterId,
      status: _.in([...OPEN_STATUSES]),
      createdAt: _.gte(new Date(now.getTime() - REPORTS_LIMITS.mergeDays * DAY)),
      lat: _.gte(box.lat.min).and(_.lte(box.lat.max)),
      lng: _.gte(box.lng.min).and(_.lte(box.lng.max)),
    },
    sort: { createdAt: 1 },
    limit: 20,
  };
}

/** The candidates really within reach, nearest first. */
export function sameNearby(candidates: readonly ReportDoc[], at: LatLng): ReportDoc[] {
  return candidates
    .map((r) => ({ r, m: metresBetween(at, { latitude: r.lat, longitude: r.lng }) }))
    .filter((x) => x.m <= REPORTS_LIMITS.mergeMetres)
    .sort((a, b) => a.m - b.m)
    .map((x) => x.r);
}
