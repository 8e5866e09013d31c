/**
 * createActivity — provider staff publish an activity for their organization (in a community it serves); admins
 * publish in their scope (the activity is then the place's). Idempotent on the client's key: every replay returns
 * the activity the first made, even after its dates would no longer be accepted (common/idempotency).
 * Input: { title, description, coverFileId?, orgId?, communityId, address, location, startAt, endAt, capacity,
 * skills, signupOpensAt?, signupClosesAt?, cancelDeadline?, checkinRadiusM, bonusPointsPerHour, idempotencyKey }. Result:
 * ActivityDetail.
 * Errors: INVALID_INPUT (times; fields), UNAUTHENTICATED, FORBIDDEN (not staff of the organization, or it does not
 * serve the community; not an admin there), NOT_FOUND (community), CONTENT_REJECTED.
 * Round trips: 3 (caller, community with the organizations serving it and any activity made under this key in one
 * aggregation, insert); a replay after it exists: 2; one racing its twin: 4 (the stored activity read back).
 */
import { action } from '../../common/action';
import { requireProvider } from '../../common/auth';
import { db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { geoPoint } from '../../common/db';
import { forbidden, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { VOL_LIMITS, volunteeringInputs } from '../contract';
import { publishAs } from '../domain/permissions';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';
import { planSchedule } from '../domain/schedule';
import { detailView } from '../domain/views';
import { ACTIVITIES, type ActivityDoc } from '../documents';

/**
 * The community, the organizations serving it (organizations.communityIds contains it) and the activity already
 * made under this id (a replay), in one aggregation.
 */
async function communityWithOrgs(
  communityId: string,
  activityId: string,
): Promise<{ community?: PlaceDoc; orgs: OrgRef[]; earlier?: ActivityDoc }> {
  const res = (await db
    .collection(PLACES)
    .aggregate()
    .match({ _id: communityId })
    .addFields({ activityId })
    .lookup({ from: ORGANIZATIONS, localField: '_id', foreignField: 'communityIds', as: 'orgs' })
    .lookup({ from: ACTIVITIES, localField: 'activityId', foreignField: '_id', as: 'earlier' })
    .limit(1)
    .end()) as { list: (PlaceDoc & { activityId: string; orgs: OrgRef[]; earlier: ActivityDoc[] })[] };
  const found = res.list[0];
  if (!found) return { orgs: [] };
  const { orgs, earlier, activityId: _id, ...community } = found;
  return { community, orgs, earlier: earlier[0] };
}

export default action({
  input: volunteeringInputs.createActivity,
  async run(input, ctx) {
    const me = await ctx.caller();
    if (input.orgId) requireProvider(me, input.orgId);
    const id = idempotentId(me._id, 'createActivity', input.idempotencyKey);
    const { community, orgs, earlier } = await communityWithOrgs(input.communityId, id);
    // A twin whose clock read a few ms before the stored creation must not describe the activity as of before it
    // existed (sign-up "not open yet"): every twin answers as of no earlier than its creation.
    const asOf = (a: ActivityDoc) => new Date(Math.max(ctx.now.getTime(), new Date(a.createdAt).getTime()));
    const reply = (a: ActivityDoc) => detailView(a, asOf(a), { standing: 'none' }, true);
    if (earlier) return reply(earlier);
    const schedule = planSchedule(input, ctx.now);
    const org = input.orgId ? orgs.find((o) => o._id === input.orgId) : undefined;
    if (community && input.orgId && !org) throw forbidden('该机构不服务这个社区');
    if (!community || community.level !== 'community') throw notFound('社区');
    const organizer = publishAs(me, community, org);
    const moderation = await checkText(ctx.openid, [input.title, input.description, input.address]);

    const activity: ActivityDoc = {
      _id: id,
      title: input.title,
      description: input.description,
      ...(input.coverFileId ? { coverFileId: input.coverFileId } : {}),
      organizer,
      communityId: community._id,
      communityName: community.name,
      placePath: community.path,
      address: input.address,
      location: input.location,
      point: geoPoint(input.location),
      checkinRadiusM: input.checkinRadiusM,
      ...(input.bonusPointsPerHour ? { bonusPointsPerHour: input.bonusPointsPerHour } : {}),
      capacity: input.capacity,
      skills: input.skills,
      ...schedule,
      status: 'published',
      members: [],
      activeIds: [],
      activeCount: 0,
      roomLeft: input.capacity + VOL_LIMITS.waitlistMax,
      entryCount: 0,
      moderation,
      createdBy: me._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: ACTIVITIES, build: () => activity, reply });
  },
});
