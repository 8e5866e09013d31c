/**
 * home — what 首页 shows from the account side: the caller, their community, a greeting for the time of day,
 * and family requests waiting for them. Input: {}. Result: HomeView. Errors: UNAUTHENTICATED. Round trips: 2.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { accountInputs, type HomeView } from '../contract';
import { selfView } from '../domain/views';
import { greeting } from '../domain/greeting';
import { FAMILY_LINKS } from '../../common/directory/familyLinks';

export default action({
  input: accountInputs.home,
  async run(_input, ctx): Promise<HomeView> {
    const me = await ctx.caller();
    const { total } = (await db
      .collection(FAMILY_LINKS)
      .where({ elderId: me._id, status: 'pending' })
      .count()) as { total: number };
    const view = selfView(me, ctx.now);
    return {
      me: view,
      communityName: view.placeNames[2],
      pendingLinkRequests: total,
      greeting: greeting(ctx.now),
    };
  },
});
