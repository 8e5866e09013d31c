/**
 * The voting invariants as properties (fast-check): over random sequences of votes and withdrawals by many voters,
 * in both vote modes, (1) running tallies kept from the accepted operations always equal the live votes counted
 * from the ballots, (2) no ballot ever exceeds its quota, (3) a vote is never on a ballot twice. A second property
 * models the database's concurrency: each operation reads a possibly stale ballot, decides on it, and then applies
 * the same atomic guard the store's conditional update uses to the CURRENT ballot — the invariants still hold.
 */
import fc from 'fast-check';
import {
  castVote,
  EMPTY_BALLOT,
  meetsVoteGuard,
  tallyBallots,
  voteGuard,
  withdrawVote,
  withinQuota,
  type BallotState,
  type VoteRules,
} from '../../../cloudfunctions/proposals/domain/ballot';

const PROPOSALS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const COSTS: Record<string, number> = {
  p0: 2000,
  p1: 3000,
  p2: 4500,
  p3: 6000,
  p4: 8000,
  p5: 10000,
  p6: 2500,
};

const rules: fc.Arbitrary<VoteRules> = fc.oneof(
  fc.record({
    mode: fc.constant('approval' as const),
    approvalLimit: fc.integer({ min: 1, max: 5 }),
    totalBudget: fc.constant(20000),
  }),
  fc.record({
    mode: fc.constant('budget' as const),
    approvalLimit: fc.constant(3),
    totalBudget: fc.integer({ min: 10000, max: 30000 }),
  }),
);

const op = fc.record({
  voter: fc.integer({ min: 0, max: 39 }),
  proposal: fc.constantFrom(...PROPOSALS),
  kind: fc.constantFrom('vote', 'vote', 'withdraw'),
  /** How many operations ago the ballot was read (concurrency model). */
  staleness: fc.integer({ min: 0, max: 6 }),
});

function liveVotes(ballots: Map<number, BallotState>, p: string): number {
  let n = 0;
  for (const b of ballots.values()) if (b.proposalIds.includes(p)) n++;
  return n;
}

function checkInvariants(
  ballots: Map<number, BallotState>,
  tallies: Map<string, number>,
  r: VoteRules,
): void {
  const counted = tallyBallots([...ballots.values()]);
  for (const p of PROPOSALS) {
    expect(tallies.get(p) ?? 0).toBe(liveVotes(ballots, p));
    expect(counted.get(p) ?? 0).toBe(liveVotes(ballots, p));
  }
  for (const b of ballots.values()) {
    expect(withinQuota(b, r)).toBe(true);
    expect(new Set(b.proposalIds).size).toBe(b.proposalIds.length);
    expect(b.count).toBe(b.proposalIds.length);
    expect(b.spent).toBe(b.proposalIds.reduce((s, p) => s + COSTS[p]!, 0));
  }
}

it('sequential votes and withdrawals: tallies equal live votes, no quota exceeded, no double vote', () => {
  fc.assert(
    fc.property(rules, fc.array(op, { maxLength: 300 }), (r, ops) => {
      const ballots = new Map<number, BallotState>();
      const tallies = new Map<string, number>();
      for (const o of ops) {
        const b = ballots.get(o.voter) ?? EMPTY_BALLOT;
        const cost = COSTS[o.proposal]!;
        const out = o.kind === 'vote' ? castVote(b, r, o.proposal, cost) : withdrawVote(b, o.proposal, cost);
        if (out.ok) {
          ballots.set(o.voter, out.ballot);
          tallies.set(o.proposal, (tallies.get(o.proposal) ?? 0) + (o.kind === 'vote' ? 1 : -1));
        } else {
          // A refusal says why in terms the voter can act on.
          expect(['CONFLICT', 'LIMIT_REACHED']).toContain(out.code);
        }
        checkInvariants(ballots, tallies, r);
      }
    }),
    { numRuns: 300 },
  );
});

it('with stale reads (concurrent requests), the atomic guard alone keeps the invariants', () => {
  fc.assert(
    fc.property(rules, fc.array(op, { maxLength: 300 }), (r, ops) => {
      const ballots = new Map<number, BallotState>();
      const history = new Map<number, BallotState[]>();
      const tallies = new Map<string, number>();
      for (const o of ops) {
        const past = history.get(o.voter) ?? [EMPTY_BALLOT];
        // What the request read: the ballot as it was `staleness` changes ago.
        const read = past[Math.max(0, past.length - 1 - o.staleness)]!;
        const current = ballots.get(o.voter) ?? EMPTY_BALLOT;
        const cost = COSTS[o.proposal]!;
        let applied: BallotState | undefined;
        if (o.kind === 'vote') {
          // The action refuses early on what it read; otherwise the database applies the guard to the current ballot.
          if (!castVote(read, r, o.proposal, cost).ok) continue;
          if (meetsVoteGuard(current, voteGuard(r, o.proposal, cost)))
            applied = {
              proposalIds: [...current.proposalIds, o.proposal],
              count: current.count + 1,
              spent: current.spent + cost,
            };
        } else {
          if (!withdrawVote(read, o.proposal, cost).ok) continue;
          if (current.proposalIds.includes(o.proposal))
            applied = {
              proposalIds: current.proposalIds.filter((p) => p !== o.proposal),
              count: current.count - 1,
              spent: current.spent - cost,
            };
        }
        if (!applied) continue;
        ballots.set(o.voter, applied);
        history.set(o.voter, [...past, applied]);
        tallies.set(o.proposal, (tallies.get(o.proposal) ?? 0) + (o.kind === 'vote' ? 1 : -1));
        checkInvariants(ballots, tallies, r);
      }
    }),
    { numRuns: 300 },
  );
});

it('a full ballot accepts nothing more, whatever the order of proposals', () => {
  fc.assert(
    fc.property(rules, fc.shuffledSubarray(PROPOSALS), (r, order) => {
      let b = EMPTY_BALLOT;
      for (const p of order) {
        const out = castVote(b, r, p, COSTS[p]!);
        if (out.ok) b = out.ballot;
        else expect(meetsVoteGuard(b, voteGuard(r, p, COSTS[p]!))).toBe(false);
      }
      expect(withinQuota(b, r)).toBe(true);
      if (r.mode === 'approval') expect(b.count).toBe(Math.min(r.approvalLimit, order.length));
    }),
  );
});
