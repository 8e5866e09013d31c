/** What the points actions share: the street they concern, and who may set its rule or adjust its people's points. */
import { requireAdminOver } from '../../common/auth';
import { notFound } from '../../common/errors';
import type { Join } from '../../common/joins';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import type { UserDoc } from '../../common/directory/users';

/** A join for readWithCaller: the street by id (as `street`). */
export function streetJoin(streetId: string): Join {
  return { as: 'street', from: PLACES, match: { _id: streetId, level: 'street' }, limit: 1 };
}

/** Throws NOT_FOUND without the street, FORBIDDEN unless the caller administers it (or its district). */
export function requireStreetAdmin(caller: UserDoc, street: PlaceDoc | undefined): PlaceDoc {
  if (!street) throw notFound('街道');
  requireAdminOver(caller, street.path);
  return street;
}
