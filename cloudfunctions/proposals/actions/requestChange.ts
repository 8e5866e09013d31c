/**
 * requestChange — the author of a funded project asks to abandon it or reduce its budget, with a reason; an admin
 * of the round's place decides (decideChange). One pending request per project. The request is kept on the round,
 * written by an update conditional on the version read; its id comes from the author's idempotency key, so a
 * retried tap finds it and replies the same.
 * Input: { roundId, proposalId, idempotencyKey, kind: abandon|reduce, budget? (reduce: new yuan), reason }.
 * Result: ChangeView.
 * Errors: INVALID_INPUT (no/too big budget, below what is spent), UNAUTHENTICATED, FORBIDDEN (not the author),
 * NOT_FOUND, CONFLICT (not funded; ended; not in progress; a request pending), CONTENT_REJECTED.
 * Round trips: 3 (caller; round with the proposal and its records; conditional update); 2 more per lost race.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { idempotentId } from '../../common/idempotency';
import { proposalInputs, type ChangeView } from '../contract';
import { projectSums } from '../domain/accountability';
import { requireCanRequest, type ChangeDoc } from '../domain/changes';
import { isOpenFor } from '../domain/phases';
import { accountEntries } from '../domain/views';
import { awardState, phaseState, ROUNDS } from '../documents';
import { awarded, changeView, projectChange } from '../steps/changes';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.requestChange,
  async run(input, ctx): Promise<ChangeView> {
    const me = await ctx.caller();
    const changeId = idempotentId(me._id, `change:${input.proposalId}`, input.idempotencyKey);
    let checked = false;
    for (let attempt = 0; attempt < 4; attempt++) {
      const { round, proposal, reports } = await loadRound(input.roundId, {
        proposalId: input.proposalId,
        reports: 'proposal',
      });
      const earlier = (round.changes ?? []).find((c) => c.id === changeId);
      if (earlier) return changeView(earlier, proposal!.title);
      const award = awarded(round, input.proposalId);
      const state = projectChange(round, input.proposalId, award?.budget ?? 0);
      const spentFen = projectSums(0, accountEntries(reports)).spentFen;
      requireCanRequest(
        state,
        {
          funded: Boolean(award),
          completed: awardState(round).completedIds.includes(input.proposalId),
          isAuthor: proposal!.authorId === me._id,
          inProgress: isOpenFor(phaseState(round), 'in_progress', ctx.now),
        },
        input,
        spentFen,
      );
      if (!checked) {
        await checkText(ctx.openid, [input.reason]);
        checked = true;
      }
      const entry: ChangeDoc = {
        id: changeId,
        proposalId: input.proposalId,
        kind: input.kind,
        budget: input.kind === 'reduce' ? input.budget! : 0,
        reason: input.reason,
        by: me._id,
        at: ctx.now,
        status: 'pending',
      };
      const res = await db
        .collection(ROUNDS)
        .where({ _id: round._id, version: round.version })
        .update({
          data: {
            changes: [...(round.changes ?? []), entry],
            version: round.version + 1,
            updatedAt: ctx.now,
          },
        });
      if (updatedCount(res) > 0) return changeView(entry, proposal!.title);
    }
    throw conflict('本期刚被修改，请刷新后再试');
  },
});
