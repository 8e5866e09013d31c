/**
 * Where communities are, for matching distance and check-in plausibility. The place tree has no coordinates
 * yet, so the services capability keeps approximate centres of the communities it serves (WGS-84, from public
 * maps, to ~300 m); an unknown community falls back to the centre of 江宁区, which makes distance neutral.
 */
import type { GeoPoint } from './matching/types';

/** The centre of 江宁区. */
export const DISTRICT_CENTRE: GeoPoint = { lat: 31.953, lng: 118.84 };

const CENTRES: Readonly<Record<string, GeoPoint>> = {
  'jn-lukou-lukou': { lat: 31.737, lng: 118.866 },
  'jn-lukou-xinqiao': { lat: 31.705, lng: 118.905 },
  'jn-lukou-tongshan': { lat: 31.795, lng: 118.905 },
  'jn-lukou-shinian': { lat: 31.69, lng: 118.84 },
  'jn-lukou-lugang': { lat: 31.76, lng: 118.83 },
  'jn-dongshan-dongshan': { lat: 31.944, lng: 118.838 },
  'jn-dongshan-shangfang': { lat: 31.905, lng: 118.88 },
  'jn-dongshan-zhushan': { lat: 31.935, lng: 118.842 },
  'jn-dongshan-baijiahu': { lat: 31.925, lng: 118.815 },
  'jn-moling-moling': { lat: 31.878, lng: 118.795 },
  'jn-moling-yinxiang': { lat: 31.9, lng: 118.82 },
  'jn-moling-jiangjunshan': { lat: 31.93, lng: 118.775 },
  'jn-moling-mozhou': { lat: 31.86, lng: 118.83 },
};

/** The approximate centre of a community. */
export function communityCentre(communityId: string): GeoPoint {
  return Object.prototype.hasOwnProperty.call(CENTRES, communityId) ? CENTRES[communityId]! : DISTRICT_CENTRE;
}

/** The centre of a community in wx.getLocation's shape, for what is stored as a GeoJSON point (an order's place). */
export function communityLatLng(communityId: string): { latitude: number; longitude: number } {
  const { lat, lng } = communityCentre(communityId);
  return { latitude: lat, longitude: lng };
}

/** An organization's base: the centre of the first community it serves (its contracted home). */
export function orgBase(communityIds: readonly string[]): GeoPoint {
  return communityIds.length > 0 ? communityCentre(communityIds[0]!) : DISTRICT_CENTRE;
}
