/** The place tree 区 → 街道 → 社区, as stored in `places` (pure document types; the account function seeds it). */
import type { PlaceLevel } from './users';

/** A place document. `path` runs from the district down to this place (itself included). */
export interface PlaceDoc {
  _id: string;
  level: PlaceLevel;
  name: string;
  parentId?: string;
  path: string[];
  /** Names along `path`, for showing where someone lives without another read. */
  pathNames: string[];
  order: number;
}

/** A place as other capabilities read it (joined or looked up by id). */
export type PlaceRef = Pick<PlaceDoc, '_id' | 'level' | 'name' | 'path' | 'pathNames'>;

/** The collection name. */
export const PLACES = 'places';

/** Whether `place` lies within the place `ancestorId` (or is it). */
export function isWithin(place: Pick<PlaceDoc, 'path'>, ancestorId: string): boolean {
  return place.path.includes(ancestorId);
}
