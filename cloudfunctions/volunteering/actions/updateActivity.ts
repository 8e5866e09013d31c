/**
 * updateActivity — the organizer edits the description, cover, required skills or capacity. Title, times and
 * place are fixed once published (volunteers signed up for them; cancel and publish anew instead). A larger
 * capacity promotes waiting volunteers in arrival order (each is notified); a smaller one may not take a seat
 * from anyone who holds it.
 * Input: { activityId, description?, coverFileId? (null removes), capacity?, skills? }. Result: ActivityDetail.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not its organizer), NOT_FOUND, CONFLICT (cancelled or
 * finished; capacity below the seats held; changed meanwhile), CONTENT_REJECTED.
 * Round trips: 3 (caller with the activity, find-and-modify, the promoted volunteers' messages kept in their
 * message centre, one write); 2 when nobody moves up.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { conflict } from '../../common/errors';
import { volunteeringInputs } from '../contract';
import { requireManager } from '../domain/permissions';
import { admittedIds, promotedBetween } from '../domain/roster';
import { myStanding, detailView } from '../domain/views';
import { notifyPromoted } from '../notices';
import { ACTIVITIES, type ActivityDoc } from '../documents';
import { callerWithActivity, findAndUpdate } from '../store';

export default action({
  input: volunteeringInputs.updateActivity,
  async run(input, ctx) {
    const { me, a } = await callerWithActivity(ctx, input.activityId);
    requireManager(me, a);
    if (a.status === 'cancelled') throw conflict('活动已取消');
    if (a.closedAt || ctx.now >= a.endAt) throw conflict('活动已结束');
    const moderation = await checkText(ctx.openid, [input.description]);
    const set: Record<string, unknown> = { updatedAt: ctx.now };
    if (input.description !== undefined) Object.assign(set, { description: input.description, moderation });
    if (input.coverFileId === null) set.coverFileId = _.remove();
    else if (input.coverFileId) set.coverFileId = input.coverFileId;
    if (input.skills) set.skills = input.skills;
    const where: Record<string, unknown> = { _id: a._id, status: 'published' };
    const newCap = input.capacity;
    if (newCap !== undefined && newCap !== a.capacity) {
      // Conditional on the capacity read, and when shrinking on nobody losing a seat.
      where.capacity = a.capacity;
      if (newCap < a.capacity) where.activeCount = _.lte(newCap);
      Object.assign(set, { capacity: newCap, roomLeft: _.inc(newCap - a.capacity) });
    }
    const after = await findAndUpdate<ActivityDoc>(ACTIVITIES, where, set);
    if (!after) {
      if (newCap !== undefined && newCap < a.capacity)
        throw conflict(`已有 ${admittedIds(a.members, a.capacity).length} 人获得名额，名额不能少于此数`);
      throw conflict('活动刚被修改，请刷新后重试');
    }
    const promoted = promotedBetween(
      { members: after.members, capacity: a.capacity },
      { members: after.members, capacity: after.capacity },
    );
    await Promise.all(promoted.map((m) => notifyPromoted(m.o, after)));
    return detailView(after, ctx.now, myStanding(after, ctx.openid), true);
  },
});
