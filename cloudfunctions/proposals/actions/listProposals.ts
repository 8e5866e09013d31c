/**
 * listProposals — a round's proposals, 20 at a time: newest first, most voted (only where votes may be seen —
 * otherwise newest, so the order never leaks hidden tallies) or by budget (smallest first); filtered by status.
 * Drafts are never listed; proposals the content check held for review show only to their author and admins.
 * Input: { roundId, sort, status, offset, limit }. Result: Page<ProposalCard> & { sort, votesShown }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND.
 * Round trips: 2 (caller; round with the caller's ballot, live tallies and the proposals in one aggregate).
 */
import { action } from '../../common/action';
import { pageOf } from '../../common/paging';
import type { Page } from '../../common/schemas';
import { proposalInputs, type ProposalCard } from '../contract';
import { actorFor } from '../domain/eligibility';
import { passesFilter, visibleTo } from '../domain/proposal';
import { compareCandidates } from '../domain/ranking';
import { proposalCard, talliesShown } from '../domain/views';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.listProposals,
  async run(input, ctx): Promise<Page<ProposalCard> & { sort: string; votesShown: boolean }> {
    const me = await ctx.caller();
    const { round, ballot, tallies, proposals } = await loadRound(input.roundId, {
      voterId: me._id,
      tallies: true,
      proposals: 'all',
    });
    const actor = actorFor(me, round);
    const votesShown = Boolean(round.results) || talliesShown(round);
    const byProposal = new Map(proposals.map((p) => [p._id, p]));
    const cards = proposals
      .filter((p) => p.status !== 'draft' && visibleTo(p, actor))
      .map((p) => proposalCard(p, round, actor, tallies, ballot))
      .filter((c) => passesFilter(c.status, input.status));
    const when = (c: ProposalCard) => byProposal.get(c.id)!.submittedAt?.getTime() ?? 0;
    const newest = (a: ProposalCard, b: ProposalCard) => when(b) - when(a) || (a.id < b.id ? -1 : 1);
    const sort = input.sort === 'votes' && !votesShown ? 'newest' : input.sort;
    if (sort === 'votes')
      cards.sort((a, b) =>
        compareCandidates(
          { ...a, votes: a.votes ?? -1, submittedAt: new Date(when(a)) },
          { ...b, votes: b.votes ?? -1, submittedAt: new Date(when(b)) },
        ),
      );
    else if (sort === 'budget') cards.sort((a, b) => a.budget - b.budget || newest(a, b));
    else cards.sort(newest);
    return { ...pageOf(cards, input), sort, votesShown };
  },
});
