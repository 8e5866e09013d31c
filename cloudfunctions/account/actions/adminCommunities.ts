/**
 * adminCommunities — the communities an admin is responsible for, with residents and residents aged 80+.
 * Input: {}. Result: CommunityStat[]. Errors: UNAUTHENTICATED, FORBIDDEN (not an admin). Round trips: 3.
 */
import { action } from '../../common/action';
import { adminGrants, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { USERS } from '../../common/directory/users';
import { accountInputs, type CommunityStat } from '../contract';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { partsOf } from '../../../miniprogram/shared/calendar';

export default action({
  input: accountInputs.adminCommunities,
  async run(_input, ctx): Promise<CommunityStat[]> {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const communities = rows<PlaceDoc>(
      await db
        .collection(PLACES)
        .where({ level: 'community', path: _.in(scopes) })
        .orderBy('order', 'asc')
        .limit(1000)
        .get(),
    );
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
    }));
  },
});
