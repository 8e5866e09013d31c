/**
 * confirmCompletion — an admin of the round's scope confirms a funded project is complete; its account is sealed
 * (no more records). Confirming the last open project closes the round. The confirmation is written on the round,
 * conditional on the version read: two admins confirming the last two projects at once cannot both miss the close
 * (the loser re-reads and tries again).
 * Input: { roundId, proposalId, note }. Result: { completed: true, roundClosed: boolean }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (not in progress; not funded; already
 * confirmed), CONTENT_REJECTED. Round trips: 3 (round with the caller, conditional update, the message kept in the
 * proposer's message centre); 2 more per lost race.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { updatedCount } from '../../common/db';
import { conflict } from '../../common/errors';
import { proposalInputs } from '../contract';
import { requireOpenFor } from '../domain/phases';
import { awardState, phaseState, ROUNDS, type CompletionDoc } from '../documents';
import { loadRoundForCaller } from '../store';
import { tellProposer } from '../notices';

export default action({
  input: proposalInputs.confirmCompletion,
  async run(input, ctx): Promise<{ completed: true; roundClosed: boolean }> {
    let checked = false;
    for (let attempt = 0; attempt < 4; attempt++) {
      const { me, round } = await loadRoundForCaller(ctx, input.roundId);
      requireAdminOver(me, round.scopePath);
      requireOpenFor(phaseState(round), 'in_progress', ctx.now, '确认完成');
      const { fundedIds, completedIds } = awardState(round);
      if (!fundedIds.includes(input.proposalId)) throw conflict('只有获得资助的项目需要确认完成');
      if (completedIds.includes(input.proposalId)) throw conflict('这个项目已经确认完成了');
      const abandoned = (round.changes ?? [])
        .filter((c) => c.kind === 'abandon' && c.status === 'approved')
        .map((c) => c.proposalId);
      if (abandoned.includes(input.proposalId)) throw conflict('这个项目已经终止了');
      if (!checked) {
        await checkText(ctx.openid, [input.note]);
        checked = true;
      }
      const entry: CompletionDoc = {
        proposalId: input.proposalId,
        at: ctx.now,
        by: me._id,
        note: input.note,
      };
      const completions = [...round.completions, entry];
      const closing = fundedIds.every(
        (id) => abandoned.includes(id) || completions.some((c) => c.proposalId === id),
      );
      const res = await db
        .collection(ROUNDS)
        .where({ _id: round._id, version: round.version, phase: 'in_progress' })
        .update({
          data: {
            completions,
            version: round.version + 1,
            updatedAt: ctx.now,
            ...(closing ? { phase: 'closed', closedAt: ctx.now, nextCheckAt: null } : {}),
          },
        });
      if (updatedCount(res) === 0) continue;
      const a = round.results?.authors.find((x) => x.proposalId === input.proposalId);
      const title = round.results?.entries.find((e) => e.id === input.proposalId)?.title ?? '';
      if (a)
        await tellProposer(
          { authorOpenid: a.authorOpenid, roundId: round._id, _id: input.proposalId, title },
          'PROPOSAL_COMPLETED',
          '已结项',
          input.note,
        );
      return { completed: true, roundClosed: closing };
    }
    throw conflict('本期刚被其他管理员修改，请刷新后再试');
  },
});
