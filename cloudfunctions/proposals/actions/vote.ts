/**
 * vote — a resident of the round's scope supports a proposal while voting lasts. The vote lives on the voter's
 * ballot for the round (one document per (round, voter), so a vote is unique by (round, proposal, voter)); it is
 * added by ONE conditional update whose condition — the proposal not yet on the ballot and the quota (count, or
 * budget in budget mode) still room for it — the database checks atomically with the change. Concurrent votes can
 * therefore never exceed the quota or count twice; there is no count-then-insert (CONSUL #2415). A first vote
 * creates the ballot with the vote in it (the primary key refuses a second creation). Tallies are counted from the
 * ballots, so they always equal the live votes.
 * Input: { roundId, proposalId }. Result: { proposalId, voted: true, ballot: BallotView }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not a resident of the scope), NOT_FOUND, CONFLICT (not voting;
 * proposal not in the vote; already voted for it), LIMIT_REACHED (quota used up).
 * Round trips: 3 (caller; round with the proposal and the ballot; the write). When the same voter's votes race,
 * a first vote that loses the creation costs 1 more (the conditional update), and a refused update 1 more (a
 * fresh read, to say exactly why).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { findById, isDuplicateKey, updatedCount } from '../../common/db';
import { AppError, conflict } from '../../common/errors';
import { proposalInputs, type BallotView } from '../contract';
import { castVote, EMPTY_BALLOT, voteGuard } from '../domain/ballot';
import { requireParticipant } from '../domain/eligibility';
import { requireOpenFor } from '../domain/phases';
import { ballotView, voteRules } from '../domain/views';
import { BALLOT_LOG_KEEP, ballotId, BALLOTS, phaseState, type BallotDoc } from '../documents';
import { loadRound } from '../store';

export default action({
  input: proposalInputs.vote,
  async run(input, ctx): Promise<{ proposalId: string; voted: true; ballot: BallotView }> {
    const me = await ctx.caller();
    const { round, proposal, ballot } = await loadRound(input.roundId, {
      proposalId: input.proposalId,
      voterId: me._id,
    });
    const p = proposal!;
    requireParticipant(me, round);
    requireOpenFor(phaseState(round), 'voting', ctx.now, '投票');
    if (p.status !== 'accepted') throw conflict('这个提案没有进入投票');
    const rules = voteRules(round);
    const cost = p.budget;
    const decided = castVote(ballot ?? EMPTY_BALLOT, rules, p._id, cost);
    if (!decided.ok) throw new AppError(decided.code, decided.message);
    const id = ballotId(round._id, me._id);
    const logLine = { op: 'vote' as const, proposalId: p._id, at: ctx.now };
    const done = () => ({
      proposalId: p._id,
      voted: true as const,
      ballot: ballotView(decided.ballot, round),
    });

    if (!ballot) {
      const fresh: BallotDoc = {
        _id: id,
        roundId: round._id,
        voterId: me._id,
        proposalIds: [p._id],
        count: 1,
        spent: cost,
        log: [logLine],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      try {
        await db.collection(BALLOTS).add({ data: fresh });
        return done();
      } catch (err) {
        // This voter's other vote created the ballot a moment ago: add to it like any later vote.
        if (!isDuplicateKey(err)) throw err;
      }
    }
    const guard = voteGuard(rules, p._id, cost);
    const res = await db
      .collection(BALLOTS)
      .where({
        _id: id,
        proposalIds: _.neq(p._id),
        ...(guard.maxCountBelow !== undefined ? { count: _.lt(guard.maxCountBelow) } : {}),
        ...(guard.maxSpentAtMost !== undefined ? { spent: _.lte(guard.maxSpentAtMost) } : {}),
      })
      .update({
        data: {
          proposalIds: _.push([p._id]),
          count: _.inc(1),
          spent: _.inc(cost),
          updatedAt: ctx.now,
          log: _.push({ each: [logLine], slice: -BALLOT_LOG_KEEP }),
        },
      });
    if (updatedCount(res) === 1) return done();
    // Refused: another vote of theirs changed the ballot since it was read. Say exactly why.
    const now = await findById<BallotDoc>(BALLOTS, id);
    const again = castVote(now ?? EMPTY_BALLOT, rules, p._id, cost);
    throw again.ok ? conflict('投票的人太多了，请再点一次') : new AppError(again.code, again.message);
  },
});
