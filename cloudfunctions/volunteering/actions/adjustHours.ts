/**
 * adjustHours — the organizer corrects a sign-up's hours by some minutes, with a reason; before verification it
 * changes the unverified balance, after it the verified one. Appended to the ledger (never edited). Idempotent on
 * the client's key: a retried tap finds its entry.
 * Input: { signupId, deltaMinutes, reason, idempotencyKey }. Result: { pendingMinutes, verifiedMinutes, verified }.
 * Errors: INVALID_INPUT (below zero), UNAUTHENTICATED, FORBIDDEN (not the organizer), NOT_FOUND, CONFLICT (nothing
 * credited yet; changed meanwhile), CONTENT_REJECTED.
 * Round trips: 3 (caller, the sign-up with its ledger, insert).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { isDuplicateKey } from '../../common/db';
import { conflict, notFound } from '../../common/errors';
import { volunteeringInputs } from '../contract';
import { ledgerState, planAdjust } from '../domain/hours';
import { requireManager } from '../domain/permissions';
import { entryBaseOf, HOURS, hoursEntry, signupWithEntries } from '../store';

export default action({
  input: volunteeringInputs.adjustHours,
  async run(input, ctx) {
    const me = await ctx.caller();
    const found = await signupWithEntries(input.signupId);
    if (!found) throw notFound('报名记录');
    const { signup, entries } = found;
    requireManager(me, signup);
    const state = ledgerState(entries);
    const view = (s: { pending: number; verified: number; isVerified: boolean }) => ({
      pendingMinutes: s.pending,
      verifiedMinutes: s.verified,
      verified: s.isVerified,
    });
    if (entries.some((e) => e.key === input.idempotencyKey)) return view(state);
    await checkText(ctx.openid, [input.reason]);
    const m = planAdjust(state, input.deltaMinutes, input.reason);
    try {
      await db.collection(HOURS).add({
        data: hoursEntry(entryBaseOf(signup), state.n + 1, m, me._id, ctx.now, { key: input.idempotencyKey }),
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict('时长刚被修改，请刷新后重试');
      throw err;
    }
    return view({ pending: m.pendingAfter, verified: m.verifiedAfter, isVerified: m.verified });
  },
});
