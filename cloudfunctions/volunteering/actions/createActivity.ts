/**
 * createActivity — provider staff publish an activity for their organization (in a community it serves); admins
 * publish in their scope (the activity is then the place's). Idempotent on the client's key.
 * Input: { title, description, coverFileId?, orgId?, communityId, address, location, startAt, endAt, capacity,
 * skills, signupOpensAt?, signupClosesAt?, cancelDeadline?, checkinRadiusM, idempotencyKey }. Result: ActivityDetail.
 * Errors: INVALID_INPUT (times; fields), UNAUTHENTICATED, FORBIDDEN (not staff of the organization, or it does not
 * serve the community; not an admin there), NOT_FOUND (community), CONTENT_REJECTED.
 * Round trips: 3 (caller, community with the organizations serving it in one aggregation, insert); a retried key: 4.
 */
import { action } from '../../common/action';
import { requireProvider } from '../../common/auth';
import { db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { findById, isDuplicateKey, geoPoint } from '../../common/db';
import { forbidden, notFound } from '../../common/errors';
import { idempotentId } from '../../common/idempotency';
import { PLACES, type PlaceDoc } from '../../account/domain/places';
import { VOL_LIMITS, volunteeringInputs } from '../contract';
import { publishAs, type OrgRef } from '../domain/permissions';
import { planSchedule } from '../domain/schedule';
import { detailView } from '../domain/views';
import { ACTIVITIES, type ActivityDoc } from '../store';

/** The community, and the organizations serving it (organizations.communityIds contains it). */
async function communityWithOrgs(communityId: string): Promise<{ community?: PlaceDoc; orgs: OrgRef[] }> {
  const res = (await db
    .collection(PLACES)
    .aggregate()
    .match({ _id: communityId })
    .lookup({ from: 'organizations', localField: '_id', foreignField: 'communityIds', as: 'orgs' })
    .limit(1)
    .end()) as { list: (PlaceDoc & { orgs: OrgRef[] })[] };
  const found = res.list[0];
  if (!found) return { orgs: [] };
  const { orgs, ...community } = found;
  return { community, orgs };
}

export default action({
  input: volunteeringInputs.createActivity,
  async run(input, ctx) {
    const me = await ctx.caller();
    const schedule = planSchedule(input, ctx.now);
    let community: PlaceDoc | undefined;
    let org: OrgRef | undefined;
    if (input.orgId) {
      requireProvider(me, input.orgId);
      const found = await communityWithOrgs(input.communityId);
      community = found.community;
      org = found.orgs.find((o) => o._id === input.orgId);
      if (community && !org) throw forbidden('该机构不服务这个社区');
    } else {
      community = await findById<PlaceDoc>(PLACES, input.communityId);
    }
    if (!community || community.level !== 'community') throw notFound('社区');
    const organizer = publishAs(me, community, org);
    const moderation = await checkText(ctx.openid, [input.title, input.description, input.address]);

    const activity: ActivityDoc = {
      _id: idempotentId(me._id, 'createActivity', input.idempotencyKey),
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
    try {
      await db.collection(ACTIVITIES).add({ data: activity });
      return detailView(activity, ctx.now, { standing: 'none' }, true);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = (await findById<ActivityDoc>(ACTIVITIES, activity._id))!;
      return detailView(existing, ctx.now, { standing: 'none' }, true);
    }
  },
});
