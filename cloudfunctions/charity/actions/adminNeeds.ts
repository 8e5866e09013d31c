/**
 * adminNeeds — needs management for an admin: every need within their scope (optionally one community and one
 * state), newest first, with progress, stories held for review and why a need was closed.
 * Input: { communityId?, state: open | full | closed | all | review (stories held), offset, limit ≤ 20 }. Result: Page<NeedView>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin). Round trips: 2.
 */
import { action } from '../../common/action';
import { adminGrants, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import type { Page } from '../../common/schemas';
import { listPage } from '../../common/paging';
import { charityInputs, type NeedView } from '../contract';
import type { NeedDoc } from '../documents';
import { needView } from '../domain/views';
import { NEEDS } from '../documents';

export default action({
  input: charityInputs.adminNeeds,
  async run(input, ctx): Promise<Page<NeedView>> {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    const where: object[] = [{ placePath: _.in(adminGrants(me).map((g) => g.scopeId!)) }];
    if (input.communityId) where.push({ communityId: input.communityId });
    if (input.state === 'open') where.push({ closed: false, available: _.gt(0), deadline: _.gt(ctx.now) });
    if (input.state === 'full') where.push({ closed: false, available: 0 });
    if (input.state === 'closed') where.push({ closed: true });
    if (input.state === 'review') where.push({ closed: false, moderation: 'review' });
    return listPage(
      db.collection(NEEDS).where(_.and(where)).orderBy('createdAt', 'desc').orderBy('_id', 'asc'),
      input,
      (n: NeedDoc) => needView(n, ctx.now, true),
    );
  },
});
