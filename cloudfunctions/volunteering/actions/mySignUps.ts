/**
 * mySignUps — the caller's sign-ups: upcoming (holding a seat), waiting (with their place in line), or past.
 * Input: { filter: 'upcoming' | 'waiting' | 'past', offset }. Result: Page<MySignUpItem> (20 a page).
 * Errors: UNAUTHENTICATED. Round trips: 2 (sign-ups by identity, their activities).
 * Upcoming and waiting are split by seat, which lives on the activity, so those two rank the caller's 100 nearest
 * upcoming sign-ups in memory (nobody holds more); past pages in the database.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import { pageOf, toPage } from '../../common/paging';
import { VOL_LIMITS, volunteeringInputs, type MySignUpItem } from '../contract';
import { standingOf } from '../domain/roster';
import { listItem } from '../domain/views';
import { ACTIVITIES, SIGNUPS, type ActivityDoc, type SignupDoc } from '../documents';

export default action({
  input: volunteeringInputs.mySignUps,
  async run(input, ctx) {
    const limit = VOL_LIMITS.pageSize;
    const past = input.filter === 'past';
    const base = db
      .collection(SIGNUPS)
      .where({ openid: ctx.openid, state: 'active', activityEndAt: past ? _.lte(ctx.now) : _.gt(ctx.now) })
      .orderBy('activityStartAt', past ? 'desc' : 'asc');
    const signups = rows<SignupDoc>(
      await (past ? base.skip(input.offset).limit(limit + 1) : base.limit(100)).get(),
    );
    if (signups.length === 0) return toPage([], input.offset, limit);
    const activities = rows<ActivityDoc>(
      await db
        .collection(ACTIVITIES)
        .where({ _id: _.in([...new Set(signups.map((s) => s.activityId))]) })
        .field({ activeIds: false })
        .limit(signups.length)
        .get(),
    );
    const byId = new Map(activities.map((a) => [a._id, a]));
    const items: MySignUpItem[] = [];
    for (const s of signups) {
      const a = byId.get(s.activityId);
      if (!a) continue;
      const st = standingOf(a.members, a.capacity, { volunteerId: s.volunteerId });
      const item: MySignUpItem = {
        signupId: s._id,
        activity: listItem(a, ctx.now),
        standing: st?.standing ?? 'cancelled',
        ...(st?.position ? { position: st.position } : {}),
        ...(s.checkInAt ? { checkInAt: s.checkInAt.toISOString() } : {}),
        ...(s.checkOutAt ? { checkOutAt: s.checkOutAt.toISOString() } : {}),
        ...(s.autoClosed ? { autoClosed: true } : {}),
        ...(s.noShow ? { noShow: true } : {}),
      };
      if (past || (input.filter === 'upcoming' ? item.standing === 'admitted' : item.standing === 'waiting'))
        items.push(item);
    }
    if (past) return toPage(items, input.offset, limit);
    return pageOf(items, { offset: input.offset, limit });
  },
});
