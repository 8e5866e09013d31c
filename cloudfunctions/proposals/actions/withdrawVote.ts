/**
 * withdrawVote — a voter takes back a vote while voting lasts, freeing that part of their quota. One conditional
 * update on their ballot ("holds this proposal") removes it, atomically with the quota.
 * Input: { roundId, proposalId }. Result: { proposalId, voted: false, ballot: BallotView }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, CONFLICT (not voting; no such vote).
 * Round trips: 3 (caller; round with the proposal and the ballot; conditional update).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { AppError, conflict } from '../../common/errors';
import { proposalInputs, type BallotView } from '../contract';
import { EMPTY_BALLOT, withdrawVote } from '../domain/ballot';
import { requireOpenFor } from '../domain/phases';
import { ballotView } from '../domain/views';
import { BALLOT_LOG_KEEP, ballotId, BALLOTS, phaseState } from '../documents';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.withdrawVote,
  async run(input, ctx): Promise<{ proposalId: string; voted: false; ballot: BallotView }> {
    const me = await ctx.caller();
    const { round, proposal, ballot } = await loadRound(input.roundId, {
      proposalId: input.proposalId,
      voterId: me._id,
    });
    const p = proposal!;
    requireOpenFor(phaseState(round), 'voting', ctx.now, '撤回投票');
    const decided = withdrawVote(ballot ?? EMPTY_BALLOT, p._id, p.budget);
    if (!decided.ok) throw new AppError(decided.code, decided.message);
    const res = await db
      .collection(BALLOTS)
      .where({ _id: ballotId(round._id, me._id), proposalIds: p._id })
      .update({
        data: {
          proposalIds: _.pull(p._id),
          count: _.inc(-1),
          spent: _.inc(-p.budget),
          updatedAt: ctx.now,
          log: _.push({
            each: [{ op: 'withdraw', proposalId: p._id, at: ctx.now }],
            slice: -BALLOT_LOG_KEEP,
          }),
        },
      });
    if (updatedCount(res) === 0) throw conflict('您没有为这个提案投票');
    return { proposalId: p._id, voted: false, ballot: ballotView(decided.ballot, round) };
  },
});
