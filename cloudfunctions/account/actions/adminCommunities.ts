/**
 * adminCommunities — the communities an admin is responsible for, with residents and residents aged 80+,
 * with the hotline and 首页 tiles each has (and the street's line, for one without its own).
 * Input: {}. Result: CommunityStat[]. Errors: UNAUTHENTICATED, FORBIDDEN (not an admin). Round trips: 3.
 */
import { action } from '../../common/action';
import { adminGrants, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { USERS } from '../../common/directory/users';
import { accountInputs, type CommunityStat } from '../contract';
import { homeTilesOf, hotlineFor, PLACES, type PlaceDoc } from '../../common/directory/places';

/** The street-wide line a community's residents get when it has none of its own. */
function streetLine(places: PlaceDoc[], c: PlaceDoc): { streetHotline?: string } {
  const line = hotlineFor(c.path.slice(0, -1), places);
  return line ? { streetHotline: line.number } : {};
}
import { partsOf } from '../../../miniprogram/shared/calendar';

export default action({
  input: accountInputs.adminCommunities,
  async run(_input, ctx): Promise<CommunityStat[]> {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    // The streets come along (a handful): a community without its own hotline shows the street's.
    const places = rows<PlaceDoc>(
      await db
        .collection(PLACES)
        .where(_.or([{ level: 'community', path: _.in(scopes) }, { level: 'street' }]))
        .orderBy('order', 'asc')
        .limit(1000)
        .get(),
    );
    const communities = places.filter((p) => p.level === 'community');
    const ids = communities.map((c) => c._id);
    const eldestYear = partsOf(ctx.now).year - 80;
    const $ = _.aggregate;
    const counts = (
      (await db
        .collection(USERS)
        .aggregate()
        .match({ communityId: _.in(ids) })
        .group({
          _id: '$communityId',
          residents: $.sum(1),
          elders80: $.sum(
            $.cond({
              if: $.and([$.gt(['$birthYear', 0]), $.lte(['$birthYear', eldestYear])]),
              then: 1,
              else: 0,
            }),
          ),
        })
        .limit(1000)
        .end()) as { list: { _id: string; residents: number; elders80: number }[] }
    ).list;
    const byId = new Map(counts.map((c) => [c._id, c]));
    return communities.map((c) => ({
      id: c._id,
      name: c.name,
      streetName: c.pathNames[1] ?? '',
      residents: byId.get(c._id)?.residents ?? 0,
      elders80: byId.get(c._id)?.elders80 ?? 0,
      ...(c.hotline ? { hotline: c.hotline } : {}),
      ...(c.hotlineHours ? { hotlineHours: c.hotlineHours } : {}),
      ...streetLine(places, c),
      homeTiles: homeTilesOf(c),
    }));
  },
});
