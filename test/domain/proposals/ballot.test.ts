/** Votes, withdrawals and the per-voter quota in both modes. */
import {
  castVote,
  EMPTY_BALLOT,
  remaining,
  voteGuard,
  withdrawVote,
  type BallotState,
  type VoteRules,
} from '../../../cloudfunctions/proposals/domain/ballot';

const approval: VoteRules = { mode: 'approval', approvalLimit: 2, totalBudget: 20000 };
const budget: VoteRules = { mode: 'budget', approvalLimit: 2, totalBudget: 10000 };

function cast(b: BallotState, r: VoteRules, p: string, cost: number): BallotState {
  const out = castVote(b, r, p, cost);
  if (!out.ok) throw new Error(out.message);
  return out.ballot;
}

describe('approval mode', () => {
  it('takes up to N proposals, then says the votes are used up', () => {
    let b = cast(EMPTY_BALLOT, approval, 'a', 9000);
    b = cast(b, approval, 'b', 9000);
    expect(remaining(b, approval)).toEqual({ mode: 'approval', used: 2, limit: 2, left: 0 });
    expect(castVote(b, approval, 'c', 100)).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
  });
  it('refuses a second vote for the same proposal as a conflict, even when quota is left', () => {
    const b = cast(EMPTY_BALLOT, approval, 'a', 1);
    expect(castVote(b, approval, 'a', 1)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
  it('frees the quota on withdrawal; withdrawing a vote not cast is a conflict', () => {
    let b = cast(cast(EMPTY_BALLOT, approval, 'a', 1), approval, 'b', 1);
    const w = withdrawVote(b, 'a', 1);
    expect(w).toMatchObject({ ok: true, ballot: { proposalIds: ['b'], count: 1, spent: 1 } });
    b = (w as { ballot: BallotState }).ballot;
    expect(castVote(b, approval, 'c', 1).ok).toBe(true);
    expect(withdrawVote(b, 'a', 1)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
  it('guards on the count only', () => {
    expect(voteGuard(approval, 'x', 5000)).toEqual({ proposalId: 'x', maxCountBelow: 2 });
  });
});

describe('budget mode (knapsack)', () => {
  it('takes proposals while their budgets fit the round budget, in any number', () => {
    let b = cast(EMPTY_BALLOT, budget, 'a', 4000);
    b = cast(b, budget, 'b', 3000);
    b = cast(b, budget, 'c', 3000);
    expect(remaining(b, budget)).toEqual({ mode: 'budget', used: 10000, limit: 10000, left: 0 });
    const over = castVote(b, budget, 'd', 2000);
    expect(over).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect((over as { message: string }).message).toContain('还剩 0 元');
  });
  it('refuses what does not fit but takes a cheaper one that does', () => {
    const b = cast(EMPTY_BALLOT, budget, 'a', 6000);
    expect(castVote(b, budget, 'b', 5000).ok).toBe(false);
    expect(castVote(b, budget, 'c', 4000).ok).toBe(true);
  });
  it('guards on the budget left for this proposal', () => {
    expect(voteGuard(budget, 'x', 3000)).toEqual({ proposalId: 'x', maxSpentAtMost: 7000 });
  });
});
