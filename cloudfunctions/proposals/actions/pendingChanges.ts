/**
 * pendingChanges — for an admin of the round's place: the authors' requests to abandon or reduce a funded project
 * still waiting for a decision, oldest first.
 * Input: { roundId }. Result: { items: ChangeView[] }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND. Round trips: 2 (caller; round).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { proposalInputs, type ChangeView } from '../contract';
import { loadRound } from '../store';
import { changeView } from '../steps/changes';

export default action({
  input: proposalInputs.pendingChanges,
  async run(input, ctx): Promise<{ items: ChangeView[] }> {
    const me = await ctx.caller();
    const { round } = await loadRound(input.roundId);
    requireAdminOver(me, round.scopePath);
    const titles = new Map((round.results?.entries ?? []).map((e) => [e.id, e.title]));
    const items = (round.changes ?? [])
      .filter((c) => c.status === 'pending')
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((c) => changeView(c, titles.get(c.proposalId) ?? ''));
    return { items };
  },
});
