/**
 * cancelErasure — cancels a pending account deletion during its cooling-off (the person, or the admin for an elder
 * without WeChat). Logging in cancels it too. Cancelling when nothing is pending changes nothing.
 * Input: { elderId? }. Result: { cancelled }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (elder), FORBIDDEN.
 * Round trips: 1 (the caller with the elder) + 2 when one was pending (the request, the user's mark).
 */
import { action } from '../../../common/action';
import { readWithCaller } from '../../../common/joins';
import { USERS, type UserDoc } from '../../../common/directory/users';
import { accountInputs } from '../../contract';
import { dropErasure } from '../../steps/erasure';
import { subjectOf } from '../../steps/subject';

export default action({
  input: accountInputs.cancelErasure,
  async run(input, ctx): Promise<{ cancelled: boolean }> {
    const r = await readWithCaller(
      ctx,
      input.elderId ? [{ as: 'target', from: USERS, match: { _id: input.elderId }, limit: 1 }] : [],
    );
    const who = subjectOf(r.caller, input.elderId, r.one<UserDoc>('target'));
    if (!who.erasureDueAt) return { cancelled: false };
    await dropErasure(who._id, ctx.now);
    return { cancelled: true };
  },
});
