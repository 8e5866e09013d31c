/**
 * adjustHours — the organizer corrects a sign-up's hours by some minutes, with a reason; before verification it
 * changes the unverified balance, after it the verified one. Appended to the ledger (never edited). Idempotent on
 * the client's key: every replay — at once or later — finds its entry and answers with the balances right after it
 * (common/idempotency).
 * Input: { signupId, deltaMinutes, reason, idempotencyKey }. Result: { pendingMinutes, verifiedMinutes, verified }
 * (the balances right after this adjustment).
 * Errors: INVALID_INPUT (below zero), UNAUTHENTICATED, FORBIDDEN (not the organizer), NOT_FOUND, CONFLICT (nothing
 * credited yet; changed meanwhile), CONTENT_REJECTED.
 * Round trips: 3 (caller, the sign-up with its ledger, insert); 2 for a replay after the entry exists, 4 for one
 * racing its twin (the ledger read again).
 */
import { action } from '../../common/action';
import { checkText } from '../../common/contentCheck';
import { conflict, notFound } from '../../common/errors';
import { idempotentCreate } from '../../common/idempotency';
import { volunteeringInputs } from '../contract';
import { ledgerState, planAdjust } from '../domain/hours';
import { requireManager } from '../domain/permissions';
import { entryBaseOf, HOURS, hoursEntry, type HoursEntryDoc } from '../documents';
import { signupWithEntries } from '../store';

export default action({
  input: volunteeringInputs.adjustHours,
  async run(input, ctx) {
    const me = await ctx.caller();
    const found = await signupWithEntries(input.signupId);
    if (!found) throw notFound('报名记录');
    const { signup, entries } = found;
    requireManager(me, signup);
    // The balances right after this adjustment: the same for every replay, whatever was entered since.
    const reply = (e: HoursEntryDoc) => ({
      pendingMinutes: e.pendingAfter,
      verifiedMinutes: e.verifiedAfter,
      verified: e.verified,
    });
    const mine = (list: HoursEntryDoc[]) => list.find((e) => e.key === input.idempotencyKey);
    const earlier = mine(entries);
    if (earlier) return reply(earlier);
    await checkText(ctx.openid, [input.reason]);
    const state = ledgerState(entries);
    const m = planAdjust(state, input.deltaMinutes, input.reason);
    // The entry's number is the contested thing: a duplicate is this key's twin (its entry is the reply) or
    // another entry written meanwhile (the balance this delta was meant for changed: CONFLICT).
    return idempotentCreate({
      collection: HOURS,
      build: () =>
        hoursEntry(entryBaseOf(signup), state.n + 1, m, me._id, ctx.now, { key: input.idempotencyKey }),
      reply,
      twin: async () => mine((await signupWithEntries(input.signupId))?.entries ?? []),
      clash: () => conflict('时长刚被修改，请刷新后重试'),
    });
  },
});
