/**
 * editCommunity — an admin of a community (or of its street) sets whom residents call and what 首页 offers:
 * the community's hotline ('' clears it: residents then get the street's), when it answers, and which big
 * tiles 首页 shows in which order. Fields left out stay as they are.
 * Input: { communityId, hotline?, hotlineHours?, homeTiles? }. Result: CommunitySettings.
 * Errors: INVALID_INPUT (not a phone number; a tile twice), UNAUTHENTICATED, FORBIDDEN (outside the admin's
 * scope), NOT_FOUND (community). Round trips: 2.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { accountInputs, type CommunitySettings } from '../contract';
import { homeTilesOf, PLACES, type PlaceDoc } from '../../common/directory/places';

export default action({
  input: accountInputs.editCommunity,
  async run(input, ctx): Promise<CommunitySettings> {
    const r = await readWithCaller(ctx, [{ as: 'place', from: PLACES, match: { _id: input.communityId } }]);
    const place = r.one<PlaceDoc>('place');
    if (!place || place.level !== 'community') throw notFound('社区');
    requireAdminOver(r.caller, place.path);
    const next: PlaceDoc = { ...place };
    const change: Record<string, unknown> = {};
    const put = <K extends 'hotline' | 'hotlineHours' | 'homeTiles'>(key: K, value: PlaceDoc[K] | '') => {
      if (value === undefined) return;
      if (value === '') {
        delete next[key];
        change[key] = _.remove();
      } else {
        next[key] = value as PlaceDoc[K];
        change[key] = value;
      }
    };
    put('hotline', input.hotline);
    put('hotlineHours', input.hotlineHours?.trim());
    put('homeTiles', input.homeTiles);
    if (Object.keys(change).length > 0)
      await db
        .collection(PLACES)
        .doc(place._id)
        .update({ data: { ...change, updatedBy: r.caller._id, updatedAt: ctx.now } });
    return {
      id: place._id,
      ...(next.hotline ? { hotline: next.hotline } : {}),
      ...(next.hotlineHours ? { hotlineHours: next.hotlineHours } : {}),
      homeTiles: homeTilesOf(next),
    };
  },
});
