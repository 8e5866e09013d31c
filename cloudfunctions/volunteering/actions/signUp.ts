/**
 * signUp — a volunteer signs up: a seat while there is one, else a place on the waitlist (FIFO). Signing up twice
 * is one sign-up (the second call reports the first). Subscription consent for the promotion message is asked by
 * the page before calling.
 * Race-proof: the decision is a single find-and-modify of the activity, conditional on the sign-up window, room
 * on the waitlist and the volunteer not being signed up already (`activeIds`); it appends them to `members`. The
 * database applies these one at a time, and that order — the index it gave, returned as `ticket` — is the arrival
 * order that decides seats and the waitlist. Nothing is counted before writing.
 * Input: { activityId }. Result: SignUpResult.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not a volunteer), NOT_FOUND, CONFLICT (sign-up not open:
 * not yet, closed, started, cancelled), LIMIT_REACHED (waitlist full).
 * Round trips: 3 (caller with any earlier sign-up for this activity, find-and-modify, the sign-up record written
 * whole, new or again after cancelling). Refused or already signed up: 3 (the third reads why).
 */
import { action } from '../../common/action';
import { hasRole } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { conflict, forbidden, limitReached } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { VOL_LIMITS, volunteeringInputs, type SignUpResult } from '../contract';
import { standingOf } from '../domain/roster';
import { signUpRefusal } from '../domain/schedule';
import {
  activitySnapshot,
  ACTIVITIES,
  signupIdOf,
  SIGNUPS,
  type ActivityDoc,
  type SignupDoc,
} from '../documents';
import { findAndUpdate, loadActivity } from '../store';

export default action({
  input: volunteeringInputs.signUp,
  async run(input, ctx): Promise<SignUpResult> {
    // The caller with their earlier sign-up for this activity, if they cancelled one (its late-cancel count stays).
    const { caller: me, one } = await readWithCaller(ctx, [
      {
        as: 'earlier',
        from: SIGNUPS,
        let: { vid: '$_id' },
        expr: { $eq: ['$volunteerId', '$$vid'] },
        match: { activityId: input.activityId },
        limit: 1,
        project: { lateCancels: 1 },
      },
    ]);
    if (!hasRole(me, 'volunteer')) throw forbidden('请先成为志愿者再报名');
    const now = ctx.now;
    const after = await findAndUpdate<ActivityDoc>(
      ACTIVITIES,
      {
        _id: input.activityId,
        status: 'published',
        signupOpensAt: _.lte(now),
        signupClosesAt: _.gt(now),
        startAt: _.gt(now),
        activeIds: _.neq(me._id),
        roomLeft: _.gt(0),
        entryCount: _.lt(VOL_LIMITS.entriesMax),
      },
      {
        members: _.push([{ v: me._id, o: ctx.openid, t: now }]),
        activeIds: _.push([me._id]),
        activeCount: _.inc(1),
        roomLeft: _.inc(-1),
        entryCount: _.inc(1),
        updatedAt: now,
      },
    );
    if (!after) {
      // Say why, from the activity as it is now.
      const a = await loadActivity(input.activityId);
      const mine = standingOf(a.members, a.capacity, { volunteerId: me._id });
      if (mine)
        return { standing: mine.standing, position: mine.position, ticket: mine.ticket, already: true };
      const why = signUpRefusal(a, now);
      if (why) throw conflict(why);
      if (a.roomLeft <= 0) throw limitReached('名额和候补都已满');
      if (a.entryCount >= VOL_LIMITS.entriesMax) throw limitReached('本活动报名人次已达上限');
      throw conflict('报名人数刚刚变化，请重试');
    }
    const mine = standingOf(after.members, after.capacity, { volunteerId: me._id })!;
    const record: SignupDoc = {
      _id: signupIdOf(after._id, me._id),
      activityId: after._id,
      volunteerId: me._id,
      openid: ctx.openid,
      ticket: mine.ticket,
      state: 'active',
      signedUpAt: now,
      lateCancels: one<Pick<SignupDoc, 'lateCancels'>>('earlier')?.lateCancels ?? 0,
      realName: me.realName ?? '',
      phone: me.phone ?? '',
      nickname: me.nickname,
      ...activitySnapshot(after),
    };
    // One write whether new or signed up before and cancelled: the same record comes back to life whole (no
    // cancellation left on it). Only this call's find-and-modify admitted this volunteer, so no twin writes it.
    const { _id, ...fields } = record;
    await db.collection(SIGNUPS).doc(_id).set({ data: fields });
    return { standing: mine.standing, position: mine.position, ticket: mine.ticket, already: false };
  },
});
