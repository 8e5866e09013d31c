/**
 * Where a report is: which grid's boundary holds a point (ray casting over the ring, on the plane — a grid is a few
 * hundred metres, where the earth's curve is far below GPS error), distances, the box around a point that a plain
 * index can search, and the blurred point Open311 publishes.
 */
import type { GridDoc, LngLat } from '../documents';

/** wx.getLocation's shape. */
export interface LatLng {
  latitude: number;
  longitude: number;
}

/** Whether the point lies inside the ring (a point on an edge counts as inside). */
export function ringHolds(ring: readonly LngLat[], at: LatLng): boolean {
  const x = at.longitude;
  const y = at.latitude;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (onSegment([xi, yi], [xj, yj], x, y)) return true;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onSegment(a: LngLat, b: LngLat, x: number, y: number): boolean {
  const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  if (Math.abs(cross) > 1e-12) return false;
  return (
    x >= Math.min(a[0], b[0]) &&
    x <= Math.max(a[0], b[0]) &&
    y >= Math.min(a[1], b[1]) &&
    y <= Math.max(a[1], b[1])
  );
}

/** The first grid whose boundary holds the point (outer ring; holes are not used for grids). */
export function gridAt<G extends Pick<GridDoc, 'boundary'>>(grids: readonly G[], at: LatLng): G | undefined {
  return grids.find((g) => g.boundary.coordinates[0] && ringHolds(g.boundary.coordinates[0], at));
}

/** A ring closed (first corner repeated at the end), as GeoJSON wants it. */
export function closedRing(points: readonly LngLat[]): LngLat[] {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? [...points] : [...points, first];
}

const EARTH_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function metresBetween(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.sqrt(h));
}

/** The latitude/longitude box around a point that holds every point within `metres` of it. */
export function boxAround(at: LatLng, metres: number) {
  const dLat = (metres / EARTH_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos(rad(at.latitude)));
  return {
    lat: { min: at.latitude - dLat, max: at.latitude + dLat },
    lng: { min: at.longitude - dLng, max: at.longitude + dLng },
  };
}

/** A point rounded to `decimals` (3 decimals ≈ 100 m): what is published about a location. */
export function blurred(at: LatLng, decimals: number): LatLng {
  const f = 10 ** decimals;
  return { latitude: Math.round(at.latitude * f) / f, longitude: Math.round(at.longitude * f) / f };
}

/** Metres in words: 80 米, 1.2 公里. */
export function distanceWords(m: number): string {
  return m < 1000 ? `${Math.max(10, Math.round(m / 10) * 10)} 米` : `${(m / 1000).toFixed(1)} 公里`;
}
