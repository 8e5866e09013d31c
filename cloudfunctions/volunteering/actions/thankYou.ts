/**
 * thankYou — a community's yearly thank-you page (年度感谢): the year's verified service hours, how many volunteers
 * served in how many activities, and the volunteers with the most hours among those who agreed to be named
 * (masked, 张*). For any resident; the caller's own community unless one is named.
 * Input: { communityId?, year? }. Result: ThankYouView. Errors: UNAUTHENTICATED, NOT_FOUND (no such community).
 * Round trips: 2 (the caller with their profile and the community; the year's hours per volunteer with consent).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { partsOf, startOfDate } from '../../../miniprogram/shared/calendar';
import { volunteeringInputs, type ThankYouView } from '../contract';
import { thankYouView, type YearHours } from '../domain/thanks';
import { HOURS, VOLUNTEERS, type VolunteerDoc } from '../documents';

const $ = _.aggregate;

export default action({
  input: volunteeringInputs.thankYou,
  async run(input, ctx): Promise<ThankYouView> {
    const { one } = await readWithCaller(ctx, [
      { as: 'profile', from: VOLUNTEERS, localField: '_id', foreignField: '_id' },
      { set: { thanksCommunity: input.communityId ? $.literal(input.communityId) : '$communityId' } },
      {
        as: 'community',
        from: PLACES,
        let: { c: '$thanksCommunity' },
        expr: { $eq: ['$_id', '$$c'] },
        match: { level: 'community' },
        limit: 1,
      },
    ]);
    const community = one<PlaceDoc>('community');
    if (!community) throw notFound('社区');
    const year = input.year ?? partsOf(ctx.now).year;
    const res = (await db
      .collection(HOURS)
      .aggregate()
      .match({
        placePath: community._id,
        verified: true,
        activityStartAt: _.gte(startOfDate(`${year}-01-01`)).and(_.lt(startOfDate(`${year + 1}-01-01`))),
      })
      .group({
        _id: '$volunteerId',
        name: $.last('$volunteerName'),
        minutes: $.sum('$verifiedDelta'),
        activityIds: $.addToSet('$activityId'),
      })
      .lookup({ from: VOLUNTEERS, localField: '_id', foreignField: '_id', as: 'profile' })
      .limit(10_000)
      .end()) as { list: (Omit<YearHours, 'publicThanks'> & { profile: VolunteerDoc[] })[] };
    const rows = res.list.map(({ profile, ...r }) => ({
      ...r,
      publicThanks: profile[0]?.publicThanks === true,
    }));
    const profile = one<VolunteerDoc>('profile');
    return {
      ...thankYouView(community.name, year, rows),
      ...(profile ? { me: { publicThanks: profile.publicThanks === true } } : {}),
    };
  },
});
