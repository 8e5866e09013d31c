/**
 * suggestVolunteers — for the organizer: volunteers in the district whose skills, free time and distance fit the
 * activity, best first, masked (they have not signed up, so the organizer needs no more than 张*).
 * Input: { activityId }. Result: { items: VolunteerSuggestion[] } (at most 20).
 * Errors: UNAUTHENTICATED, FORBIDDEN (not its organizer), NOT_FOUND.
 * Round trips: 3 (caller, activity, volunteers: those with a needed skill, or any when none is needed; 200 at most).
 */
import { action } from '../../common/action';
import { together } from '../../common/concurrency';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { VOL_LIMITS, volunteeringInputs, type VolunteerSuggestion } from '../contract';
import { requireManager } from '../domain/permissions';
import { rankByFit, scoreFit } from '../domain/recommend';
import { seatCounts } from '../domain/roster';
import { VOLUNTEERS, type VolunteerDoc } from '../documents';
import { loadActivity } from '../store';

export default action({
  input: volunteeringInputs.suggestVolunteers,
  async run(input, ctx): Promise<{ items: VolunteerSuggestion[] }> {
    // Who is asking and what they ask about do not depend on each other: read side by side.
    const [me, a] = await together(ctx.caller(), loadActivity(input.activityId));
    requireManager(me, a);
    const where: Record<string, unknown> = { placePath: a.placePath[0] };
    if (a.skills.length > 0) where.skills = _.in(a.skills);
    const found = rows<VolunteerDoc>(
      await db.collection(VOLUNTEERS).where(where).limit(VOL_LIMITS.candidatesMax).get(),
    );
    const target = { ...a, seatsLeft: seatCounts(a.activeCount, a.capacity).seatsLeft };
    const ranked = rankByFit(found.map((v) => ({ v, startAt: a.startAt, fit: scoreFit(v, target) })));
    const signed = new Set(a.activeIds);
    return {
      items: ranked.slice(0, VOL_LIMITS.pageSize).map(({ v, fit }) => ({
        volunteerId: v._id,
        nameMasked: v.nameMasked,
        skills: v.skills,
        matchedSkills: fit.matchedSkills,
        communityName: v.communityName,
        ...(fit.distanceKm !== undefined ? { distanceKm: fit.distanceKm } : {}),
        score: fit.score,
        signedUp: signed.has(v._id),
      })),
    };
  },
});
