/**
 * advancePhases — the timer (every minute): moves each due round to its next phase, catching up several phases
 * if the timer was down. Opening the vote freezes the settings and tells the proposers whose proposals are in it;
 * closing it (a settle interval after votingUntil, see domain/phases) tallies the ballots, ranks the proposals by
 * the published tie-break rule and allocates the awards down the ranking, for an admin to publish. Every step is a
 * write conditional on the version read, so an admin's change made meanwhile is never overwritten (the round is
 * simply looked at again next minute).
 */
import { _, db } from '../../common/cloud';
import { mapLimited } from '../../common/concurrency';
import { rows, updatedCount } from '../../common/db';
import { dueStep, nextCheckAt, type Phase } from '../domain/phases';
import { allocate, fundedTotal, rank } from '../domain/ranking';
import { tellProposer } from '../notices';
import {
  PROPOSALS,
  reviveRound,
  ROUNDS,
  type ProposalDoc,
  type ResultsDoc,
  type RoundDoc,
} from '../documents';
import { loadRound } from '../store';

/** One phase change made. */
export interface Step {
  roundId: string;
  from: Phase;
  to: Phase;
}

/** Tallies the ballots and computes the results (unpublished). */
async function computeResults(round: RoundDoc, now: Date): Promise<ResultsDoc> {
  const { tallies, voters, proposals } = await loadRound(round._id, { tallies: true, proposals: 'all' });
  const accepted = proposals.filter((p) => p.status === 'accepted');
  const authors = rows<Pick<ProposalDoc, '_id' | 'authorOpenid'>>(
    await db
      .collection(PROPOSALS)
      .where({ roundId: round._id, status: 'accepted' })
      .field({ authorOpenid: true })
      .limit(1000)
      .get(),
  );
  const entries = allocate(
    rank(
      accepted.map((p) => ({
        id: p._id,
        title: p.title,
        budget: p.budget,
        votes: tallies.get(p._id) ?? 0,
        submittedAt: p.submittedAt ?? p.createdAt,
      })),
    ),
    round.settings.totalBudget,
    round.settings.minVotes,
  );
  return {
    computedAt: now,
    voters,
    entries,
    budgetUsed: fundedTotal(entries),
    authors: accepted.map((p) => ({
      proposalId: p._id,
      authorId: p.authorId,
      authorName: p.authorName,
      authorOpenid: authors.find((a) => a._id === p._id)?.authorOpenid ?? '',
    })),
  };
}

/** Tells the proposers whose proposals entered the vote. */
async function announceVoting(round: RoundDoc): Promise<void> {
  const accepted = rows<ProposalDoc>(
    await db
      .collection(PROPOSALS)
      .where({ roundId: round._id, status: 'accepted' })
      .field({ _id: true, roundId: true, title: true, authorOpenid: true })
      .limit(1000)
      .get(),
  );
  await Promise.all(
    accepted.map((p) => tellProposer(p, 'PROPOSAL_VOTING', '投票开始', '投票已开始，欢迎邀请邻居支持')),
  );
}

/** Moves one round as far as its dates allow; returns the steps made. */
async function advance(start: RoundDoc, now: Date): Promise<Step[]> {
  const steps: Step[] = [];
  let round = start;
  for (let to = dueStep(state(round), now); to; to = dueStep(state(round), now)) {
    const extra: Partial<RoundDoc> = {};
    if (to === 'voting') extra.frozenAt = now;
    if (to === 'results') extra.results = await computeResults(round, now);
    const next: RoundDoc = { ...round, ...extra, phase: to, version: round.version + 1, updatedAt: now };
    next.nextCheckAt = nextCheckAt(state(next));
    const res = await db
      .collection(ROUNDS)
      .where({ _id: round._id, version: round.version, phase: round.phase })
      .update({
        data: { ...extra, phase: to, nextCheckAt: next.nextCheckAt, version: next.version, updatedAt: now },
      });
    if (updatedCount(res) === 0) break;
    steps.push({ roundId: round._id, from: round.phase, to });
    if (to === 'voting') await announceVoting(next);
    round = next;
  }
  return steps;
}

function state(r: RoundDoc) {
  return { phase: r.phase, schedule: r.schedule, resultsPublished: Boolean(r.results?.publishedAt) };
}

/** The timer: advances every due round. */
export async function advancePhases(now: Date): Promise<{ checked: number; steps: Step[] }> {
  const due = rows<RoundDoc>(
    await db
      .collection(ROUNDS)
      .where({ nextCheckAt: _.lte(now) })
      .orderBy('nextCheckAt', 'asc')
      .limit(100)
      .get(),
  ).map(reviveRound);
  // Rounds are independent: a few side by side.
  const perRound = await mapLimited(due, 4, async (r) => {
    try {
      return await advance(r, now);
    } catch (err) {
      // One round's trouble must not hold the others back; it is looked at again next minute.
      console.error('advancePhases: round', r._id, err);
      return [];
    }
  });
  return { checked: due.length, steps: perRound.flat() };
}
