/**
 * The people an admin may see, narrowed by the list's search and filters: one query for the list (20 a page)
 * and for its export (everything, up to a read's 1,000), so the file holds exactly the list's people.
 */
import { adminGrants } from '../../common/auth';
import { _, db } from '../../common/cloud';
import type { ListQuery } from '../../common/paging';
import { USERS, type UserDoc } from '../../common/directory/users';
import type { AccountInput } from '../contract';
import { partsOf } from '../../../miniprogram/shared/calendar';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The list's filters. */
export type PeopleFilters = Omit<AccountInput<'exportPeople'>, 'query'> & { query: string };

/** Residents within the admin's scope matching the filters, newest first. */
export function peopleQuery(me: Pick<UserDoc, 'roles'>, input: PeopleFilters, now: Date): ListQuery {
  const scopes = adminGrants(me).map((g) => g.scopeId!);
  const where: object[] = [{ placePath: _.in(scopes) }];
  if (input.communityId) where.push({ communityId: input.communityId });
  if (input.withRole) where.push({ 'roles.role': input.withRole });
  if (input.minAge !== undefined) where.push({ birthYear: _.lte(partsOf(now).year - input.minAge) });
  if (input.query) {
    const pattern = db.RegExp({ regexp: escapeRegExp(input.query), options: 'i' });
    where.push(_.or([{ nickname: pattern }, { realName: pattern }, { phone: pattern }]));
  }
  return db.collection(USERS).where(_.and(where)).orderBy('createdAt', 'desc');
}
