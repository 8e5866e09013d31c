/**
 * verifyAllHours — the organizer confirms, in one tap, every credited and not yet verified sign-up of an activity
 * as credited (auto-closed ones included: their flag stays in the record). Sign-ups without a check-out credit
 * are left for verifyHours with minutes and a reason.
 * Input: { activityId }. Result: { verified: number, minutes: number }.
 * Errors: UNAUTHENTICATED, FORBIDDEN (not its organizer), NOT_FOUND, CONFLICT (one changed meanwhile: nothing was
 * written; refresh and repeat).
 * Round trips: 3 (caller with the activity and its ledger in one aggregation, one insert of all the entries, the
 * volunteers' messages kept in their message centre in one write); 2 when nothing was left to confirm.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import { isDuplicateKey } from '../../common/db';
import { conflict, notFound } from '../../common/errors';
import { VOL_LIMITS, volunteeringInputs } from '../contract';
import { ledgerState, planVerify } from '../domain/hours';
import { requireManager } from '../domain/permissions';
import { notifyVerified } from '../notices';
import {
  ACTIVITIES,
  entryBaseFromEntry,
  HOURS,
  hoursEntry,
  LIST_FIELDS,
  type ActivityDoc,
  type HoursEntryDoc,
} from '../documents';

export default action({
  input: volunteeringInputs.verifyAllHours,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'activity', from: ACTIVITIES, match: { _id: input.activityId }, limit: 1, project: LIST_FIELDS },
      { as: 'entries', from: HOURS, match: { activityId: input.activityId } },
    ]);
    const me = r.caller;
    const a = r.one<Omit<ActivityDoc, 'members' | 'activeIds'>>('activity');
    if (!a) throw notFound('活动');
    requireManager(me, a);
    const bySignup = new Map<string, HoursEntryDoc[]>();
    for (const e of r.all<HoursEntryDoc>('entries'))
      bySignup.set(e.signupId, [...(bySignup.get(e.signupId) ?? []), e]);
    const fresh: HoursEntryDoc[] = [];
    for (const list of bySignup.values()) {
      const state = ledgerState(list);
      if (state.n === 0 || state.isVerified) continue;
      const latest = list.find((e) => e.n === state.n)!;
      fresh.push(hoursEntry(entryBaseFromEntry(latest), state.n + 1, planVerify(state), me._id, ctx.now));
    }
    if (fresh.length > VOL_LIMITS.entriesMax) throw conflict('待确认的记录过多，请分批确认');
    if (fresh.length > 0) {
      try {
        await db.collection(HOURS).add({ data: fresh });
      } catch (err) {
        if (isDuplicateKey(err)) throw conflict('有时长刚被修改，请刷新后再确认');
        throw err;
      }
      await Promise.all(fresh.map((e) => notifyVerified(e.openid, e, e.verifiedAfter)));
    }
    return { verified: fresh.length, minutes: fresh.reduce((s, e) => s + e.verifiedDelta, 0) };
  },
});
