/**
 * hotline — whom to call: the hotline of the caller's community (or of the community asked for: the one an
 * order, a donation or an activity belongs to), else the nearest place above it with one (the street's 96890).
 * A public number: any signed-in user may ask.
 * Input: { communityId? }. Result: { hotline?: HotlineView }. Errors: UNAUTHENTICATED. Round trips: 1.
 */
import { action } from '../../common/action';
import { firstOf, readWithCaller } from '../../common/joins';
import { accountInputs, type HotlineView } from '../contract';
import { hotlineFor, PLACES, type PlaceDoc } from '../../common/directory/places';

export default action({
  input: accountInputs.hotline,
  async run(input, ctx): Promise<{ hotline?: HotlineView }> {
    const r = await readWithCaller(
      ctx,
      input.communityId
        ? [
            { as: 'community', from: PLACES, match: { _id: input.communityId } },
            { set: { pathIds: firstOf('community.path') } },
            { as: 'places', from: PLACES, localField: 'pathIds', foreignField: '_id' },
          ]
        : [{ as: 'places', from: PLACES, localField: 'placePath', foreignField: '_id' }],
    );
    const path = input.communityId
      ? (r.one<PlaceDoc>('community')?.path ?? [])
      : r.caller.communityId
        ? r.caller.placePath
        : [];
    const hotline = hotlineFor(path, r.all<PlaceDoc>('places'));
    return hotline ? { hotline } : {};
  },
});
