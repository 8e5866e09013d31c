/**
 * verifyHours — the organizer confirms one sign-up's hours: as credited, or with other minutes and a reason (an
 * auto-closed check-out, someone who left early, or who helped without checking in). Appends a `verify` entry to
 * the ledger; the entry's number comes from the sign-up's latest, and its id from the pair, so two organizers
 * confirming at once cannot both succeed. The volunteer is notified.
 * Input: { signupId, minutes?, reason? }. Result: { pendingMinutes, verifiedMinutes, verified }.
 * Errors: INVALID_INPUT (different minutes without a reason), UNAUTHENTICATED, FORBIDDEN (not the organizer),
 * NOT_FOUND, CONFLICT (already verified; before the end while still checked in; cancelled; changed meanwhile).
 * Round trips: 3 (caller with the sign-up and its ledger, insert, the message kept in the volunteer's message centre).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { isDuplicateKey } from '../../common/db';
import { conflict, notFound } from '../../common/errors';
import { volunteeringInputs } from '../contract';
import { ledgerState, planVerify } from '../domain/hours';
import { requireManager } from '../domain/permissions';
import { notifyVerified } from '../notices';
import { readWithCaller } from '../../common/joins';
import { entryBaseOf, HOURS, hoursEntry, SIGNUPS, type HoursEntryDoc, type SignupDoc } from '../documents';

export default action({
  input: volunteeringInputs.verifyHours,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'signup', from: SIGNUPS, match: { _id: input.signupId }, limit: 1 },
      { as: 'entries', from: HOURS, match: { signupId: input.signupId } },
    ]);
    const me = r.caller;
    const signup = r.one<SignupDoc>('signup');
    if (!signup) throw notFound('报名记录');
    const entries = [...r.all<HoursEntryDoc>('entries')].sort((x, y) => x.n - y.n);
    requireManager(me, signup);
    if (signup.state !== 'active') throw conflict('该志愿者已取消报名');
    if (!signup.checkOutAt && ctx.now < signup.activityEndAt)
      throw conflict('志愿者签退或活动结束后才能确认时长');
    const state = ledgerState(entries);
    const m = planVerify(state, input.minutes, input.reason);
    try {
      await db
        .collection(HOURS)
        .add({ data: hoursEntry(entryBaseOf(signup), state.n + 1, m, me._id, ctx.now) });
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict('时长刚被修改，请刷新后重试');
      throw err;
    }
    await notifyVerified(signup.openid, signup, m.verifiedAfter);
    return { pendingMinutes: m.pendingAfter, verifiedMinutes: m.verifiedAfter, verified: true };
  },
});
