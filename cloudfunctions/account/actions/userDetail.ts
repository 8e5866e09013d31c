/**
 * userDetail — one person in full (real name, phone, address, role history), for an admin of where they live:
 * the people who need it to serve them (代下单, delivery). Everyone else gets FORBIDDEN.
 * Input: { targetUserId }. Result: UserDetail. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND. Round trips: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { notFound } from '../../common/errors';
import { accountInputs } from '../contract';
import { detail } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { USERS, type UserDoc } from '../../common/directory/users';

export default action({
  input: accountInputs.userDetail,
  async run(input, ctx) {
    const r = await readWithCaller(ctx, [
      { as: 'target', from: USERS, match: { _id: input.targetUserId }, limit: 1 },
    ]);
    const { caller } = r;
    const target = r.one<UserDoc>('target');
    if (!target) throw notFound('用户');
    requireAdminOver(caller, target.placePath);
    return detail(target, ctx.now);
  },
});
