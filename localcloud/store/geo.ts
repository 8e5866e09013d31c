/**
 * Geospatial queries over GeoJSON values, as CloudBase (MongoDB, 2dsphere) answers them: `$nearSphere`/`$near`
 * (the SDK's `geoNear`), `$geoWithin` with `$geometry` or `$centerSphere`, `$geoIntersects`, and the `$geoNear`
 * aggregation stage. Distances are metres on a sphere of MongoDB's earth radius (6378.1 km); `$centerSphere` takes
 * its radius in radians. The geometry tests come from turf (@turf/*), not from hand-written spherical maths.
 */
import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanWithin } from '@turf/boolean-within';
import { distance } from '@turf/distance';
import type { Geometry, Polygon, MultiPolygon, Position } from 'geojson';
import { cloudErrors } from '../wire/errors';

type AnyObject = Record<string, unknown>;

/** MongoDB's radius of the earth for spherical geometry (kRadiusOfEarthInMeters). */
export const EARTH_RADIUS_M = 6_378_100;

const GEO_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

/** The geometries a stored value holds: a GeoJSON object, a legacy `[lng, lat]` pair, or an array of those. */
export function geometriesOf(value: unknown): Geometry[] {
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number')
      return [{ type: 'Point', coordinates: [value[0], value[1]] }];
    return value.flatMap(geometriesOf);
  }
  if (value && typeof value === 'object') {
    const g = value as { type?: unknown; coordinates?: unknown };
    if (typeof g.type === 'string' && GEO_TYPES.has(g.type) && Array.isArray(g.coordinates))
      return [value as Geometry];
  }
  return [];
}

/** A query's point: `{ type: 'Point', coordinates }` or a legacy pair; refuses anything else. */
export function pointOf(value: unknown, what: string): Position {
  const [g] = geometriesOf(value);
  if (!g || g.type !== 'Point') throw cloudErrors.invalidParam(`${what} must be a GeoJSON Point`);
  return g.coordinates;
}

/** Great-circle distance in metres between two positions. */
export function metresBetween(a: Position, b: Position): number {
  return distance(a, b, { units: 'radians' }) * EARTH_RADIUS_M;
}

function vertices(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return [];
  }
}

/**
 * Distance in metres from `point` to the nearest of `geometries`: exact for points; 0 inside a polygon; for lines
 * and polygon outlines the nearest vertex (MongoDB measures to the nearest edge point — see README).
 */
export function nearestDistance(geometries: Geometry[], point: Position): number | undefined {
  let best: number | undefined;
  for (const g of geometries) {
    if ((g.type === 'Polygon' || g.type === 'MultiPolygon') && booleanPointInPolygon(point, g)) return 0;
    for (const v of vertices(g)) {
      const d = metresBetween(v, point);
      if (best === undefined || d < best) best = d;
    }
  }
  return best;
}

/** Parts of a multi-geometry, so each can be tested by turf's single-geometry predicates. */
function parts(g: Geometry): Geometry[] {
  switch (g.type) {
    case 'MultiPoint':
      return g.coordinates.map((coordinates) => ({ type: 'Point', coordinates }));
    case 'MultiLineString':
      return g.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
    case 'MultiPolygon':
      return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    default:
      return [g];
  }
}

function withinArea(g: Geometry, area: Polygon | MultiPolygon): boolean {
  return parts(g).every((part) =>
    part.type === 'Point' ? booleanPointInPolygon(part.coordinates, area) : booleanWithin(part, area),
  );
}

/** A compiled `$geoWithin` / `$geoIntersects` / `$nearSphere` test over a field's value. */
export type GeoTest = (value: unknown) => boolean;

/** `$geoWithin: { $geometry: Polygon | MultiPolygon }` or `{ $centerSphere: [[lng, lat], radians] }`. */
export function geoWithin(spec: unknown): GeoTest {
  const s = (spec ?? {}) as AnyObject;
  if (s.$centerSphere !== undefined) {
    const cs = s.$centerSphere as unknown[];
    if (!Array.isArray(cs) || cs.length !== 2 || typeof cs[1] !== 'number' || cs[1] < 0)
      throw cloudErrors.invalidParam('$centerSphere must be [ [lng, lat], radius in radians ]');
    const centre = pointOf(cs[0], '$centerSphere centre');
    const radius = cs[1] * EARTH_RADIUS_M;
    return (value) => {
      const gs = geometriesOf(value);
      return gs.length > 0 && gs.every((g) => vertices(g).every((v) => metresBetween(v, centre) <= radius));
    };
  }
  const area = (s.$geometry ?? s.$polygon) as Geometry | undefined;
  if (!area || (area.type !== 'Polygon' && area.type !== 'MultiPolygon'))
    throw cloudErrors.invalidParam('$geoWithin needs $geometry (Polygon or MultiPolygon) or $centerSphere');
  return (value) => {
    const gs = geometriesOf(value);
    return gs.length > 0 && gs.some((g) => withinArea(g, area));
  };
}

/** `$geoIntersects: { $geometry }`: the stored geometry and the given one share at least one point. */
export function geoIntersects(spec: unknown): GeoTest {
  const [shape] = geometriesOf((spec as AnyObject | undefined)?.$geometry);
  if (!shape) throw cloudErrors.invalidParam('$geoIntersects needs a GeoJSON $geometry');
  return (value) => geometriesOf(value).some((g) => booleanIntersects(g, shape));
}

/** A parsed `$nearSphere` / `$near` (GeoJSON form: metres). */
export interface NearSpec {
  point: Position;
  min: number;
  max: number;
}

/** Parses `{ $geometry, $maxDistance, $minDistance }` (or the legacy `[x, y]` with `$maxDistance` beside it). */
export function parseNear(spec: unknown): NearSpec {
  const s = (spec ?? {}) as AnyObject;
  const geometry = Array.isArray(spec) ? spec : s.$geometry;
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  return {
    point: pointOf(geometry, '$nearSphere $geometry'),
    min: num(s.$minDistance, 0),
    max: num(s.$maxDistance, Infinity),
  };
}

/** Whether a value lies within a near query's distance band. */
export function nearTest(near: NearSpec): GeoTest {
  return (value) => {
    const d = nearestDistance(geometriesOf(value), near.point);
    return d !== undefined && d >= near.min && d <= near.max;
  };
}

/** The near condition of a filter, if any: `{ field: { $nearSphere | $near } }` at the top or inside `$and`. */
export function findNear(filter: AnyObject): { field: string; operator: string; near: NearSpec } | undefined {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) {
        const found = findNear(sub as AnyObject);
        if (found) return found;
      }
    } else if (!key.startsWith('$') && value && typeof value === 'object') {
      const cond = value as AnyObject;
      for (const operator of ['$nearSphere', '$near'])
        if (cond[operator] !== undefined) return { field: key, operator, near: parseNear(cond[operator]) };
    }
  }
  return undefined;
}

/** Picks the 2dsphere-indexed field a near query uses (MongoDB: the `key`, or the only such index). */
export function geoIndexField(geoFields: string[], operator: string, key?: unknown): string {
  if (typeof key === 'string') {
    if (!geoFields.includes(key)) throw cloudErrors.noGeoIndex(operator);
    return key;
  }
  if (geoFields.length === 0) throw cloudErrors.noGeoIndex(operator);
  if (geoFields.length > 1)
    throw cloudErrors.invalidParam(
      `There is more than one 2dsphere index; unsure which to use for ${operator}: give key`,
    );
  return geoFields[0]!;
}
