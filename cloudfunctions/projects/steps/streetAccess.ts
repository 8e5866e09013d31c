/**
 * The street an admin works on, with the caller, in one read: the street asked for, or — when none is named — the
 * first street the caller administers (a district admin must name one). FORBIDDEN unless they administer it.
 */
import type { ActionContext } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import type { UserDoc } from '../../common/directory/users';
import { forbidden, notFound } from '../../common/errors';
import { readWithCaller, type Join, type Joined } from '../../common/joins';

/** The caller and the street they administer (asked for or their own); the other joins' documents too. */
export async function readStreet(
  ctx: ActionContext,
  streetId: string | undefined,
  extra: Join[] = [],
): Promise<{ me: UserDoc; street: PlaceDoc; read: Joined }> {
  const read = await readWithCaller(ctx, [
    streetId
      ? { as: 'streets', from: PLACES, match: { _id: streetId, level: 'street' }, limit: 1 }
      : { set: { myScopes: '$roles.scopeId' } },
    ...(streetId ? [] : [{ as: 'streets', from: PLACES, localField: 'myScopes', foreignField: '_id' }]),
    ...extra,
  ]);
  const street = read.all<PlaceDoc>('streets').find((p) => p.level === 'street');
  if (!street) {
    if (streetId) throw notFound('街道');
    throw forbidden('只有街道管理员可以执行此操作');
  }
  requireAdminOver(read.caller, street.path);
  return { me: read.caller, street, read };
}
