/**
 * cancelActivity — the organizer calls an activity off (weather, venue…) with a reason; everyone signed up or
 * waiting is notified. Input: { activityId, reason }. Result: ActivityDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not its organizer), NOT_FOUND, CONFLICT (already cancelled
 * or ended), CONTENT_REJECTED.
 * Round trips: 3 (caller with the activity, find-and-modify, everyone's messages kept in their message centre,
 * one write); 2 when nobody had signed up.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { conflict } from '../../common/errors';
import { volunteeringInputs } from '../contract';
import { requireManager } from '../domain/permissions';
import { standings } from '../domain/roster';
import { detailView, myStanding } from '../domain/views';
import { notifyActivityCancelled } from '../notices';
import { ACTIVITIES, type ActivityDoc } from '../documents';
import { callerWithActivity, findAndUpdate } from '../store';

export default action({
  input: volunteeringInputs.cancelActivity,
  async run(input, ctx) {
    const { me, a } = await callerWithActivity(ctx, input.activityId);
    requireManager(me, a);
    if (a.status === 'cancelled') throw conflict('活动已经取消了');
    if (ctx.now >= a.endAt) throw conflict('活动已结束，不能取消');
    await checkText(ctx.openid, [input.reason]);
    const after = await findAndUpdate<ActivityDoc>(
      ACTIVITIES,
      { _id: a._id, status: 'published', endAt: _.gt(ctx.now) },
      { status: 'cancelled', cancelReason: input.reason, cancelledAt: ctx.now, updatedAt: ctx.now },
    );
    if (!after) throw conflict('活动状态刚刚变化，请刷新后重试');
    await Promise.all(
      standings(after.members, after.capacity).map((s) =>
        notifyActivityCancelled(s.entry.o, after, input.reason),
      ),
    );
    return detailView(after, ctx.now, myStanding(after, ctx.openid), true);
  },
});
