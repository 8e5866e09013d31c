/**
 * searchUsers — an admin finds residents of their scope by nickname, real name or phone digits (to grant a role,
 * link family, or order on someone's behalf). Personal data is masked in the list; userDetail shows it in full.
 * Filters: a community, a role held, a least age (by birth year: 80 this year means born in or before 1946).
 * Input: { query, communityId?, withRole?, minAge?, offset }. Result: Page<UserListItem> (20 a page).
 * Errors: UNAUTHENTICATED, FORBIDDEN (not an admin). Only people within the admin's scope are ever found.
 * Round trips: 2.
 */
import { action } from '../../common/action';
import { requireAnyAdmin } from '../../common/auth';
import { listPage } from '../../common/paging';
import type { UserDoc } from '../../common/directory/users';
import { accountInputs, ACCOUNT_LIMITS } from '../contract';
import { listItem } from '../domain/views';
import { peopleQuery } from '../steps/people';

export default action({
  input: accountInputs.searchUsers,
  async run(input, ctx) {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    return listPage(
      peopleQuery(me, input, ctx.now),
      { offset: input.offset, limit: ACCOUNT_LIMITS.searchResults },
      (u: UserDoc) => listItem(u, ctx.now),
    );
  },
});
