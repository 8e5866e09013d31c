/**
 * userDetail — one person in full (real name, phone, address, role history), for an admin of where they live:
 * the people who need it to serve them (代下单, delivery). Everyone else gets FORBIDDEN.
 * Input: { targetUserId }. Result: UserDetail. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND. Round trips: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { accountInputs } from '../contract';
import { detail } from '../domain/views';
import { callerAndUser } from '../store';

export default action({
  input: accountInputs.userDetail,
  async run(input, ctx) {
    const { caller, target } = await callerAndUser(ctx, input.targetUserId);
    requireAdminOver(caller, target.placePath);
    return detail(target, ctx.now);
  },
});
