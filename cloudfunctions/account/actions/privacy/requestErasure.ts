/**
 * requestErasure — asks to delete an account (注销账号, PIPL art. 47): after a cooling-off period the timer erases or
 * irreversibly anonymises every personal field, keeping the records the law or the accounts require without
 * identity. Logging in during the cooling-off cancels it (so does cancelErasure). An admin may ask for an elder
 * without WeChat of their place, with the elder's recorded consent. Asking again while one is pending returns it.
 * Input: { elderId?, consent? (required for an elder) }. Result: ErasureView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (elder), FORBIDDEN.
 * Round trips: 3 (the caller with the elder; the request; the user's mark).
 */
import { action } from '../../../common/action';
import { db } from '../../../common/cloud';
import { isDuplicateKey } from '../../../common/db';
import { readWithCaller } from '../../../common/joins';
import { USERS, type UserDoc } from '../../../common/directory/users';
import { PRIVACY_LIMITS } from '../../../../miniprogram/shared/limits';
import { accountInputs, type ErasureView } from '../../contract';
import { ERASURES, type ErasureDoc } from '../../documents';
import { consentFor, subjectOf } from '../../steps/subject';

const DAY = 86_400_000;

export default action({
  input: accountInputs.requestErasure,
  async run(input, ctx): Promise<ErasureView> {
    const r = await readWithCaller(
      ctx,
      input.elderId ? [{ as: 'target', from: USERS, match: { _id: input.elderId }, limit: 1 }] : [],
    );
    const who = subjectOf(r.caller, input.elderId, r.one<UserDoc>('target'));
    const view = (d: ErasureDoc): ErasureView => ({
      dueAt: d.dueAt.toISOString(),
      coolingDays: PRIVACY_LIMITS.erasureCoolingDays,
    });
    if (who.erasureDueAt) return view({ dueAt: who.erasureDueAt } as ErasureDoc);
    const doc: ErasureDoc = {
      _id: who._id,
      requestedBy: r.caller._id,
      requestedAt: ctx.now,
      dueAt: new Date(ctx.now.getTime() + PRIVACY_LIMITS.erasureCoolingDays * DAY),
      ...(() => {
        const consent = consentFor(r.caller, who, input.consent, ctx.now);
        return consent ? { consent } : {};
      })(),
    };
    try {
      await db.collection(ERASURES).add({ data: doc });
    } catch (err) {
      // Already pending (asked twice, or two taps): the first request stands.
      if (!isDuplicateKey(err)) throw err;
      return view({ ...doc, dueAt: who.erasureDueAt ?? doc.dueAt });
    }
    await db
      .collection(USERS)
      .doc(who._id)
      .update({ data: { erasureDueAt: doc.dueAt, updatedAt: ctx.now } });
    return view(doc);
  },
});
