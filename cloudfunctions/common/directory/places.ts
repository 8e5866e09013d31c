/** The place tree 区 → 街道 → 社区, as stored in `places` (pure document types; the account function seeds it). */
import type { PlaceLevel } from './users';
import { HOME_TILES, type HomeTile } from '../../../miniprogram/shared/choices';

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
  /** Communities and streets: the number residents call (96890 street-wide, 025-… per community). */
  hotline?: string;
  /** When the hotline answers, in plain words. */
  hotlineHours?: string;
  /** Communities: the big tiles 首页 shows, in order (absent: HOME_TILES). */
  homeTiles?: HomeTile[];
}

/** A place as other capabilities read it (joined or looked up by id). */
export type PlaceRef = Pick<PlaceDoc, '_id' | 'level' | 'name' | 'path' | 'pathNames'>;

/** The collection name. */
export const PLACES = 'places';

/** Whether `place` lies within the place `ancestorId` (or is it). */
export function isWithin(place: Pick<PlaceDoc, 'path'>, ancestorId: string): boolean {
  return place.path.includes(ancestorId);
}

/** The tiles a community shows on 首页: its own choice, or every tile in the usual order. */
export function homeTilesOf(community: Pick<PlaceDoc, 'homeTiles'> | undefined): HomeTile[] {
  return community?.homeTiles ?? [...HOME_TILES];
}

/** A hotline to show: the number, when it answers, and whose it is. */
export interface Hotline {
  number: string;
  hours?: string;
  /** 禄口社区 / 禄口街道. */
  placeName: string;
}

/**
 * The hotline for someone living at `path`: their community's own, else the nearest place above it that has one
 * (the street-wide 96890). `places` are the documents along the path, in any order.
 */
export function hotlineFor(
  path: readonly string[],
  places: readonly Pick<PlaceDoc, '_id' | 'name' | 'hotline' | 'hotlineHours'>[],
): Hotline | undefined {
  for (const placeId of [...path].reverse()) {
    const place = places.find((p) => p._id === placeId);
    if (place?.hotline)
      return {
        number: place.hotline,
        ...(place.hotlineHours ? { hours: place.hotlineHours } : {}),
        placeName: place.name,
      };
  }
  return undefined;
}
