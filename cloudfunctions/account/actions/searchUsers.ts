/**
 * searchUsers — an admin finds residents of their scope by nickname, real name or phone digits (to grant a role,
 * link family, or order on someone's behalf). Personal data is masked in the list; userDetail shows it in full.
 * Filters: a community, a role held, a least age (by birth year: 80 this year means born in or before 1946).
 * Input: { query, communityId?, withRole?, minAge?, offset }. Result: Page<UserListItem> (20 a page).
 * Errors: UNAUTHENTICATED, FORBIDDEN (not an admin). Only people within the admin's scope are ever found.
 * Round trips: 2.
 */
import { action } from '../../common/action';
import { adminGrants, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { listPage } from '../../common/paging';
import { USERS, type UserDoc } from '../../common/directory/users';
import { accountInputs, ACCOUNT_LIMITS } from '../contract';
import { listItem } from '../domain/views';
import { partsOf } from '../../../miniprogram/shared/calendar';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export default action({
  input: accountInputs.searchUsers,
  async run(input, ctx) {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const where: object[] = [{ placePath: _.in(scopes) }];
    if (input.communityId) {
      where.push({ communityId: input.communityId });
    }
    if (input.withRole) where.push({ 'roles.role': input.withRole });
    if (input.minAge !== undefined) where.push({ birthYear: _.lte(partsOf(ctx.now).year - input.minAge) });
    if (input.query) {
      const pattern = db.RegExp({ regexp: escapeRegExp(input.query), options: 'i' });
      where.push(_.or([{ nickname: pattern }, { realName: pattern }, { phone: pattern }]));
    }
    const limit = ACCOUNT_LIMITS.searchResults;
    return listPage(
      db.collection(USERS).where(_.and(where)).orderBy('createdAt', 'desc'),
      { offset: input.offset, limit },
      (u: UserDoc) => listItem(u, ctx.now),
    );
  },
});
