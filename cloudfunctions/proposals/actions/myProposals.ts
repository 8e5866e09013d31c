/**
 * myProposals — 我的提案: the caller's proposals in every round, drafts included, most recently changed first,
 * 20 at a time, each with its round's phase and the status residents see.
 * Input: { offset, limit }. Result: Page<MyProposalItem>. Errors: INVALID_INPUT, UNAUTHENTICATED.
 * Round trips: 2 (caller; the proposals with their rounds in one aggregate).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { toPage } from '../../common/paging';
import type { Page } from '../../common/schemas';
import { proposalInputs, type MyProposalItem } from '../contract';
import { PHASE_LABELS } from '../domain/phases';
import { proposalCard } from '../domain/views';
import {
  CARD_FIELDS,
  PROPOSALS,
  reviveProposal,
  reviveRound,
  ROUNDS,
  type ProposalDoc,
  type RoundDoc,
} from '../documents';

export default action({
  input: proposalInputs.myProposals,
  async run(input, ctx): Promise<Page<MyProposalItem>> {
    const me = await ctx.caller();
    const res = (await db
      .collection(PROPOSALS)
      .aggregate()
      .match({ authorId: me._id })
      .sort({ updatedAt: -1, _id: 1 })
      .skip(input.offset)
      .limit(input.limit + 1)
      .project(CARD_FIELDS)
      .lookup({ from: ROUNDS, localField: 'roundId', foreignField: '_id', as: 'round' })
      .end()) as {
      list?: (ProposalDoc & { round: RoundDoc[] })[];
      data?: (ProposalDoc & { round: RoundDoc[] })[];
    };
    const found = res.list ?? res.data ?? [];
    const items = found
      .filter((row) => row.round[0])
      .map((row) => {
        const round = reviveRound(row.round[0]!);
        const { round: _r, ...doc } = row;
        const card = proposalCard(
          reviveProposal(doc),
          round,
          { userId: me._id, isAdmin: false },
          new Map(),
          undefined,
        );
        return {
          ...card,
          roundTitle: round.title,
          roundPhase: round.phase,
          roundPhaseLabel: PHASE_LABELS[round.phase],
        };
      });
    return toPage(items, input.offset, input.limit);
  },
});
