/**
 * Votes and the per-voter quota (pure). A voter's votes in a round live on one ballot: the set of proposals they
 * support, how many, and (budget mode) the sum of those proposals' budgets. The ballot is keyed by (round, voter),
 * and a vote is an element of its set, so a vote is unique by (round, proposal, voter).
 *
 * The store changes a ballot with ONE conditional update whose condition is {@link voteGuard} (or
 * {@link withdrawGuard}): "this proposal is not yet on the ballot, and the quota still has room for it". The
 * database evaluates the condition and the change atomically, so no interleaving of concurrent votes can exceed
 * the quota or count a vote twice (never count-then-insert: CONSUL #2415). The functions below are the same rules
 * in plain code, for telling the voter why, for the views, and for the property tests.
 */
import type { VoteMode } from './settings';

/** What a ballot holds. */
export interface BallotState {
  proposalIds: string[];
  /** Number of proposals supported. */
  count: number;
  /** Sum of the supported proposals' budgets (yuan). */
  spent: number;
}

/** The vote rules of a round. */
export interface VoteRules {
  mode: VoteMode;
  /** Approval mode: most proposals per voter. */
  approvalLimit: number;
  /** Budget mode: the voter's chosen proposals must fit this (the round's total budget). */
  totalBudget: number;
}

/** An empty ballot. */
export const EMPTY_BALLOT: BallotState = { proposalIds: [], count: 0, spent: 0 };

/**
 * The condition a ballot must meet for a vote on a proposal costing `cost`, as numbers: the ballot must not hold
 * the proposal, and `count < maxCountBelow` (approval) or `spent <= maxSpentAtMost` (budget).
 */
export interface VoteGuard {
  proposalId: string;
  maxCountBelow?: number;
  maxSpentAtMost?: number;
}

/** The guard for a vote (see {@link VoteGuard}). */
export function voteGuard(rules: VoteRules, proposalId: string, cost: number): VoteGuard {
  return rules.mode === 'approval'
    ? { proposalId, maxCountBelow: rules.approvalLimit }
    : { proposalId, maxSpentAtMost: rules.totalBudget - cost };
}

/** Whether a ballot meets a vote guard (what the database's conditional update checks). */
export function meetsVoteGuard(b: BallotState, g: VoteGuard): boolean {
  if (b.proposalIds.includes(g.proposalId)) return false;
  if (g.maxCountBelow !== undefined && !(b.count < g.maxCountBelow)) return false;
  if (g.maxSpentAtMost !== undefined && !(b.spent <= g.maxSpentAtMost)) return false;
  return true;
}

/** Why a vote cannot be cast, or undefined when it can. */
export type VoteRefusal = { code: 'CONFLICT'; message: string } | { code: 'LIMIT_REACHED'; message: string };

/** Decides a vote on a ballot: the new ballot, or why not. */
export function castVote(
  b: BallotState,
  rules: VoteRules,
  proposalId: string,
  cost: number,
): { ok: true; ballot: BallotState } | ({ ok: false } & VoteRefusal) {
  if (b.proposalIds.includes(proposalId))
    return { ok: false, code: 'CONFLICT', message: '您已经为这个提案投过票了' };
  if (!meetsVoteGuard(b, voteGuard(rules, proposalId, cost))) {
    return rules.mode === 'approval'
      ? {
          ok: false,
          code: 'LIMIT_REACHED',
          message: `每人最多支持 ${rules.approvalLimit} 个提案，您的票已用完。可以先撤回一票再投`,
        }
      : {
          ok: false,
          code: 'LIMIT_REACHED',
          message: `您选的提案合计不能超过本轮预算 ${rules.totalBudget} 元，还剩 ${Math.max(0, rules.totalBudget - b.spent)} 元，这个提案需要 ${cost} 元`,
        };
  }
  return {
    ok: true,
    ballot: { proposalIds: [...b.proposalIds, proposalId], count: b.count + 1, spent: b.spent + cost },
  };
}

/** The condition for withdrawing: the ballot holds the proposal. */
export function withdrawGuard(proposalId: string): { proposalId: string } {
  return { proposalId };
}

/** Decides a withdrawal: the new ballot, or why not. */
export function withdrawVote(
  b: BallotState,
  proposalId: string,
  cost: number,
): { ok: true; ballot: BallotState } | { ok: false; code: 'CONFLICT'; message: string } {
  if (!b.proposalIds.includes(proposalId))
    return { ok: false, code: 'CONFLICT', message: '您没有为这个提案投票' };
  return {
    ok: true,
    ballot: {
      proposalIds: b.proposalIds.filter((p) => p !== proposalId),
      count: b.count - 1,
      spent: b.spent - cost,
    },
  };
}

/** What a voter has left. */
export interface Remaining {
  mode: VoteMode;
  used: number;
  /** Approval: proposals; budget: yuan. */
  limit: number;
  left: number;
}

/** The voter's remaining quota. */
export function remaining(b: BallotState, rules: VoteRules): Remaining {
  if (rules.mode === 'approval') {
    return {
      mode: 'approval',
      used: b.count,
      limit: rules.approvalLimit,
      left: Math.max(0, rules.approvalLimit - b.count),
    };
  }
  return {
    mode: 'budget',
    used: b.spent,
    limit: rules.totalBudget,
    left: Math.max(0, rules.totalBudget - b.spent),
  };
}

/** Whether a ballot is within its quota (the invariant the guards keep). */
export function withinQuota(b: BallotState, rules: VoteRules): boolean {
  return rules.mode === 'approval' ? b.count <= rules.approvalLimit : b.spent <= rules.totalBudget;
}

/** Tallies: live votes per proposal, counted from ballots. */
export function tallyBallots(ballots: readonly Pick<BallotState, 'proposalIds'>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of ballots) for (const p of b.proposalIds) out.set(p, (out.get(p) ?? 0) + 1);
  return out;
}
