/**
 * listRounds — the rounds a caller takes part in (their community's and their street's), and for admins every
 * round within their scope; newest first, 20 at a time, optionally one phase only.
 * Input: { phase?, offset, limit }. Result: Page<RoundCard>. Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 2 (caller, rounds).
 */
import { action } from '../../common/action';
import { adminGrants } from '../../common/auth';
import { _, db } from '../../common/cloud';
import type { Page } from '../../common/schemas';
import { listPage } from '../../common/paging';
import { proposalInputs, type RoundCard } from '../contract';
import { roundCard } from '../domain/views';
import { reviveRound, ROUNDS, type RoundDoc } from '../documents';

export default action({
  input: proposalInputs.listRounds,
  async run(input, ctx): Promise<Page<RoundCard>> {
    const me = await ctx.caller();
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const whose: object[] = [];
    if (me.placePath.length > 0) whose.push({ scopeId: _.in(me.placePath) });
    if (scopes.length > 0) whose.push({ scopePath: _.in(scopes) });
    if (whose.length === 0) return { items: [], next: null };
    const where = input.phase ? _.and([_.or(whose), { phase: input.phase }]) : _.or(whose);
    return listPage(
      db.collection(ROUNDS).where(where).orderBy('createdAt', 'desc'),
      input,
      (r: RoundDoc) => roundCard(reviveRound({ ...r, completions: [] })),
      { fields: { results: false, completions: false } },
    );
  },
});
