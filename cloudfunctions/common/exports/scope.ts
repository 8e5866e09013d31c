/**
 * For which place an admin's export is: the places they administer, read with the caller in the same round trip
 * (`readWithCaller(ctx, [ADMIN_PLACES, …])`) and named in the file's title.
 */
import { adminGrants } from '../auth';
import type { PlaceRef } from '../directory/places';
import { PLACES } from '../directory/places';
import type { UserDoc } from '../directory/users';
import type { Join } from '../joins';

/** The join that brings the places the caller's roles name (read them with `all('adminPlaces')`). */
export const ADMIN_PLACES: Join = {
  as: 'adminPlaces',
  from: PLACES,
  localField: 'roles.scopeId',
  foreignField: '_id',
};

/** `禄口街道`, `禄口街道、东山街道`: the names of the places the caller administers. */
export function adminPlaceText(
  caller: Pick<UserDoc, 'roles'>,
  places: readonly Pick<PlaceRef, '_id' | 'name'>[],
) {
  const names = adminGrants(caller)
    .map((g) => places.find((p) => p._id === g.scopeId)?.name)
    .filter((n): n is string => Boolean(n));
  return [...new Set(names)].join('、') || '管辖范围';
}
