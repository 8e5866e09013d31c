/** Distances on the ground between GCJ-02 points (what wx.getLocation returns), for check-in radius and "near me". */

/** A point as the mini program sends it. */
export interface LatLng {
  latitude: number;
  longitude: number;
}

/** Mean Earth radius in metres (IUGG). */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine: exact enough at community scale; GCJ-02's shift cancels out). */
export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLng = (b.longitude - a.longitude) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLng / 2) ** 2;
  // min() keeps asin's argument ≤ 1 when rounding pushes it over for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Where a point lies relative to a circle: the whole-metre distance and whether it is inside. */
export function radiusCheck(
  centre: LatLng,
  at: LatLng,
  radiusM: number,
): { distanceM: number; inside: boolean } {
  const d = distanceM(centre, at);
  return { distanceM: Math.round(d), inside: d <= radiusM };
}
