/**
 * cancelSignUp — a volunteer withdraws, up to when check-in opens (an hour before the start). After the cancellation deadline it is a late
 * cancellation, recorded on their sign-up (only if they held a seat; their record sums their sign-ups' counts). A freed seat goes to
 * the first volunteer waiting, who is notified: the cancellation is one find-and-modify on the activity that marks
 * their entry, so exactly one volunteer — the one who becomes the capacity-th active member in that update — moves
 * up, and only this call sees it happen. Cancelling again changes nothing.
 * Input: { activityId }. Result: CancelResult & { already }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, CONFLICT (check-in open or activity cancelled; changed meanwhile).
 * Round trips: 3 (activity, find-and-modify, sign-up record, late or not); 4 when someone moves up (their message
 * kept in their message centre: the activity, its seats and the sign-up are three requests already).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { conflict } from '../../common/errors';
import { VOL_LIMITS, volunteeringInputs, type CancelResult } from '../contract';
import { admittedIds, beforeCancellation, promotedBetween, standingOf } from '../domain/roster';
import { planCancellation } from '../domain/schedule';
import { notifyPromoted } from '../notices';
import { ACTIVITIES, signupIdOf, SIGNUPS, type ActivityDoc } from '../documents';
import { findAndUpdate, loadActivity } from '../store';

export default action({
  input: volunteeringInputs.cancelSignUp,
  async run(input, ctx): Promise<CancelResult & { already: boolean }> {
    const a = await loadActivity(input.activityId);
    const mine = standingOf(a.members, a.capacity, { openid: ctx.openid });
    if (!mine) {
      if (a.members.some((m) => m.o === ctx.openid)) return { late: false, promoted: 0, already: true };
      throw conflict('您没有报名这个活动');
    }
    planCancellation(a, ctx.now, mine.standing === 'admitted');
    const i = mine.ticket;
    const after = await findAndUpdate<ActivityDoc>(
      ACTIVITIES,
      {
        _id: a._id,
        status: 'published',
        // Check-in opens an hour before the start; from then on a sign-up stays (see planCancellation).
        startAt: _.gt(new Date(ctx.now.getTime() + VOL_LIMITS.checkInOpensMinutes * 60_000)),
        [`members.${i}.o`]: ctx.openid,
        [`members.${i}.c`]: _.exists(false),
      },
      {
        [`members.${i}.c`]: ctx.now,
        activeIds: _.pull(mine.entry.v),
        activeCount: _.inc(-1),
        roomLeft: _.inc(1),
        updatedAt: ctx.now,
      },
    );
    if (!after) throw conflict('报名状态刚刚变化，请刷新后重试');
    // Seats as they stood at the instant of this update: it changed nothing but this entry.
    const before = beforeCancellation(after.members, i);
    const heldSeat = admittedIds(before, after.capacity).includes(mine.entry.v);
    const { late } = planCancellation(after, ctx.now, heldSeat);
    const promoted = promotedBetween(
      { members: before, capacity: after.capacity },
      { members: after.members, capacity: after.capacity },
    );
    await db
      .collection(SIGNUPS)
      .doc(signupIdOf(a._id, mine.entry.v))
      .update({
        data: {
          state: 'cancelled',
          cancelledAt: ctx.now,
          late,
          ...(late ? { lateCancels: _.inc(1) } : {}),
        },
      });
    await Promise.all(promoted.map((m) => notifyPromoted(m.o, after)));
    return { late, promoted: promoted.length, already: false };
  },
});
