/**
 * setWorkPhone — staff of an organization set the work number it gives one of them (themselves by default): the
 * number residents they serve see on their order and may call ("谁来上门"). It is kept on that person's staff
 * grant, never in their own `phone`, which stays theirs. '' clears it.
 * Input: { orgId, targetUserId?, workPhone }. Result: { workPhone }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (the caller is not staff of the organization), NOT_FOUND
 * (no such person among its staff), CONFLICT (their roles changed meanwhile). Round trips: 2 (caller + target,
 * the conditional update).
 */
import { action } from '../../../common/action';
import { requireProvider } from '../../../common/auth';
import { db } from '../../../common/cloud';
import { updatedCount } from '../../../common/db';
import { conflict, notFound } from '../../../common/errors';
import { readWithCaller } from '../../../common/joins';
import { USERS, type UserDoc } from '../../../common/directory/users';
import { accountInputs } from '../../contract';

export default action({
  input: accountInputs.setWorkPhone,
  async run(input, ctx): Promise<{ workPhone: string }> {
    const r = await readWithCaller(ctx, [
      { as: 'target', from: USERS, match: { _id: input.targetUserId ?? '' }, limit: 1 },
    ]);
    requireProvider(r.caller, input.orgId);
    const target = input.targetUserId ? r.one<UserDoc>('target') : r.caller;
    const holds = target?.roles.some((g) => g.role === 'provider' && g.orgId === input.orgId);
    if (!target || !holds) throw notFound('机构的工作人员');
    const roles = target.roles.map((g) => {
      if (g.role !== 'provider' || g.orgId !== input.orgId) return g;
      const { workPhone: _old, ...rest } = g;
      return input.workPhone ? { ...rest, workPhone: input.workPhone } : rest;
    });
    // Conditional on the version read, so a role granted or revoked meanwhile is not lost.
    const res = await db
      .collection(USERS)
      .where({ _id: target._id, updatedAt: target.updatedAt })
      .update({ data: { roles, updatedAt: ctx.now } });
    if (updatedCount(res) === 0) throw conflict('此人的信息刚被修改，请刷新后重试');
    return { workPhone: input.workPhone };
  },
});
