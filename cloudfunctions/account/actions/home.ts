/**
 * home — what 首页 shows from the account side: the caller, their community, a greeting for the time of day,
 * family requests waiting for them, whom to call (the community's hotline, else the street's) and the big
 * tiles their community chose. Input: {}. Result: HomeView. Errors: UNAUTHENTICATED. Round trips: 3 (the
 * caller; the requests and the places along their path, side by side).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { accountInputs, type HomeView } from '../contract';
import { selfView } from '../domain/views';
import { greeting } from '../domain/greeting';
import { FAMILY_LINKS } from '../../common/directory/familyLinks';
import { homeTilesOf, hotlineFor, PLACES, type PlaceDoc } from '../../common/directory/places';

export default action({
  input: accountInputs.home,
  async run(_input, ctx): Promise<HomeView> {
    const me = await ctx.caller();
    const path = me.communityId ? me.placePath : [];
    const [links, found] = await Promise.all([
      db.collection(FAMILY_LINKS).where({ elderId: me._id, status: 'pending' }).count() as Promise<{
        total: number;
      }>,
      path.length > 0
        ? db
            .collection(PLACES)
            .where({ _id: _.in(path) })
            .limit(10)
            .get()
        : Promise.resolve({ data: [] }),
    ]);
    const places = rows<PlaceDoc>(found);
    const view = selfView(me, ctx.now);
    const hotline = hotlineFor(path, places);
    return {
      me: view,
      communityName: view.placeNames[2],
      pendingLinkRequests: links.total,
      greeting: greeting(ctx.now),
      ...(hotline ? { hotline } : {}),
      tiles: homeTilesOf(places.find((p) => p._id === me.communityId)),
    };
  },
});
