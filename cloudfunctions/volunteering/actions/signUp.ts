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
 * Round trips: 3 (caller, find-and-modify, sign-up record); 4 when signing up again after cancelling (the old
 * record is updated after its insert is refused). Refused or already signed up: 3 (the third reads why).
 */
import { action } from '../../common/action';
import { hasRole } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { isDuplicateKey } from '../../common/db';
import { conflict, forbidden, limitReached } from '../../common/errors';
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
    const me = await ctx.caller();
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
      lateCancels: 0,
      realName: me.realName ?? '',
      phone: me.phone ?? '',
      nickname: me.nickname,
      ...activitySnapshot(after),
    };
    try {
      await db.collection(SIGNUPS).add({ data: record });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Signed up before and cancelled: the same record comes back to life, keeping its late-cancel count.
      const { _id, lateCancels: _lc, ...fresh } = record;
      await db
        .collection(SIGNUPS)
        .doc(_id)
        .update({ data: { ...fresh, late: _.remove(), cancelledAt: _.remove() } });
    }
    return { standing: mine.standing, position: mine.position, ticket: mine.ticket, already: false };
  },
});
