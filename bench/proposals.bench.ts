/**
 * Proposals (微公益) through the local cloud and the real wx-server-sdk: the time for 1,000 concurrent votes by
 * distinct voters (function host with 8 instances, warm), with the database round trips per vote and the tallies
 * checked exact; the cost of listing a round's proposals with 1,000 ballots behind the live tallies; and the round
 * trips of every action (budget ≤ 3 per user action).
 *
 * The 1,000 voters are inserted straight into `users` (the documents account.login and updateProfile leave), so
 * the figures are the votes alone. Run alone: npx tsx bench/proposals.bench.ts
 */
import type { LocalCloud } from '../localcloud/cloud';
import { seedAccount } from '../seed/account';
import { DEMO_BOOTSTRAP_ADMINS } from '../seed/functionEnv';
import { startProjectCloud } from '../seed/projectCloud';
import { timedCalls } from './support/calls';
import { percentile, printResults, r2, timeRuns } from './support/stats';
import type { BenchResult } from './support/types';

const DAY = 24 * 60 * 60_000;
const ADMIN = 'demo-admin-lukou';
const AUTHORS = ['demo-resident-wang', 'demo-resident-zhang', 'demo-staff-xinyuan-1', 'demo-staff-xinyuan-2'];

const { call, ok, noter } = timedCalls('proposals');

async function fireTimer(cloud: LocalCloud): Promise<void> {
  const outcome = await cloud.timers.fire('proposals', 'advancePhases');
  if (!outcome.ok) throw new Error(outcome.error.message);
}

function complete(title: string, budget: number): Record<string, unknown> {
  return {
    summary: `${title}：为社区居民做一件实在的小事。`,
    details: '每月两次活动，由提案人和邻居志愿者组织，社区提供场地，预算用于材料和讲师费用。',
    budgetLines: [{ item: '材料和讲师', amount: budget }],
    months: 5,
    beneficiaries: { who: '社区居民', count: 60 },
  };
}

/** A round in voting with `n` accepted proposals; notes the round trips of each action on the way. */
async function roundInVoting(
  cloud: LocalCloud,
  tag: string,
  n: number,
  rt?: Record<string, number>,
): Promise<{ roundId: string; ids: string[] }> {
  const note = noter(cloud, rt);
  const t0 = cloud.clock.now();
  const d = (days: number) => new Date(t0 + days * DAY).toISOString();
  const round = await note('createRound', ADMIN, 'createRound', {
    idempotencyKey: `bench-${tag}`,
    scopeId: 'jn-lukou',
    title: `基准测试 ${tag}`,
    totalBudget: 50000,
    approvalLimit: 3,
    schedule: {
      collectingFrom: d(-0.01),
      screeningFrom: d(2),
      votingFrom: d(4),
      votingUntil: d(6),
      workFrom: d(7),
    },
  });
  const roundId = round.id as string;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const author = AUTHORS[i % AUTHORS.length]!;
    const draft = await note('createProposal (draft)', author, 'createProposal', {
      roundId,
      idempotencyKey: `bench-${tag}-${i}`,
      title: `基准提案 ${i + 1}`,
    });
    const proposalId = draft.id as string;
    await note('updateProposal', author, 'updateProposal', {
      roundId,
      proposalId,
      ...complete('基准提案', 3000 + i * 500),
    });
    await note('submitProposal', author, 'submitProposal', { roundId, proposalId });
    ids.push(proposalId);
  }
  cloud.clock.set(t0 + 2 * DAY + 60_000);
  await fireTimer(cloud);
  for (const proposalId of ids)
    await note('screenProposal', ADMIN, 'screenProposal', { roundId, proposalId, decision: 'accept' });
  cloud.clock.set(t0 + 4 * DAY + 60_000);
  await fireTimer(cloud);
  return { roundId, ids };
}

function insertVoters(cloud: LocalCloud, prefix: string, n: number): string[] {
  const now = new Date(cloud.clock.now());
  const docs = Array.from({ length: n }, (_x, i) => ({
    _id: `${prefix}-${i}`,
    openid: `${prefix}-openid-${i}`,
    kind: 'wechat',
    nickname: `居民${i}`,
    placePath: ['jn', 'jn-lukou', 'jn-lukou-lukou'],
    communityId: 'jn-lukou-lukou',
    roles: [],
    roleHistory: [],
    createdAt: now,
    updatedAt: now,
  }));
  cloud.store.insert('users', docs);
  return docs.map((x) => x.openid);
}

/**
 * Starts the 8 function instances one at a time (a cold start is not what the burst measures, and eight at once on
 * a busy machine can outlast the function timeout); returns the slowest start.
 */
async function warmUp(cloud: LocalCloud): Promise<number> {
  let slowest = 0;
  for (let width = 1; width <= 8; width++) {
    const replies = await Promise.allSettled(
      Array.from({ length: width }, () => call(cloud, ADMIN, 'listRounds')),
    );
    for (const r of replies) if (r.status === 'fulfilled') slowest = Math.max(slowest, r.value.ms);
  }
  return slowest;
}

/** 1,000 distinct voters at once, `runs` times on fresh rounds. */
async function concurrentVotes(cloud: LocalCloud): Promise<BenchResult[]> {
  const runs = 3;
  const walls: number[] = [];
  const latencies: number[] = [];
  const trips = new Set<number>();
  let exact = true;
  let listSamples: number[] = [];
  let listTrips = 0;
  for (let run = 0; run < runs; run++) {
    const { roundId, ids } = await roundInVoting(cloud, `burst-${run}`, 5);
    const voters = insertVoters(cloud, `bench-v${run}`, 1000);
    const t = performance.now();
    const replies = await Promise.all(
      voters.map((o, i) => call(cloud, o, 'vote', { roundId, proposalId: ids[i % ids.length] })),
    );
    walls.push(performance.now() - t);
    latencies.push(...replies.map((r) => r.ms));
    for (const r of replies) trips.add(r.roundTrips);
    if (replies.some((r) => !r.reply.ok)) exact = false;
    const list = await ok(cloud, voters[0]!, 'listProposals', { roundId, sort: 'votes' });
    const votes = (list.data.items as { votes: number }[]).map((i) => i.votes);
    if (votes.length !== 5 || votes.some((v) => v !== 200)) exact = false;
    if (run === runs - 1) {
      listTrips = list.roundTrips;
      listSamples = await timeRuns(50, 5, () =>
        call(cloud, voters[1]!, 'listProposals', { roundId, sort: 'votes' }),
      );
    }
  }
  const median = percentile(walls, 50);
  return [
    {
      name: `1,000 concurrent votes, distinct voters (${runs} runs)`,
      figures: {
        wall_ms_median: r2(median),
        wall_ms_max: r2(Math.max(...walls)),
        votes_per_s: Math.round((1000 / median) * 1000),
        call_p50_ms: r2(percentile(latencies, 50)),
        call_p95_ms: r2(percentile(latencies, 95)),
        round_trips_per_vote: [...trips].sort().join('/'),
        tallies_exact: exact ? 'yes' : 'NO',
      },
      budget: '≤ 3 round trips per vote',
      withinBudget: Math.max(...trips) <= 3,
    },
    {
      name: 'listProposals by votes, 1,000 ballots behind the tallies',
      figures: {
        p50_ms: r2(percentile(listSamples, 50)),
        p95_ms: r2(percentile(listSamples, 95)),
        round_trips: listTrips,
      },
    },
  ];
}

/** Every action once on its common path, with its round trips. */
export async function roundTripsPerAction(cloud: LocalCloud): Promise<BenchResult[]> {
  const rt: Record<string, number> = {};
  const note = noter(cloud, rt);
  const { roundId, ids } = await roundInVoting(cloud, 'rt', 3, rt);
  const [v1, v2] = insertVoters(cloud, 'bench-rt', 2);
  await note('listRounds', v1!, 'listRounds');
  await note('getRound', v1!, 'getRound', { roundId });
  await note('listProposals', v1!, 'listProposals', { roundId });
  await note('getProposal', v1!, 'getProposal', { roundId, proposalId: ids[0] });
  await note('vote (first: creates the ballot)', v1!, 'vote', { roundId, proposalId: ids[0] });
  await note('vote (later)', v1!, 'vote', { roundId, proposalId: ids[1] });
  const refused = await call(cloud, v1!, 'vote', { roundId, proposalId: ids[1] });
  rt['vote (refused: already voted)'] = refused.roundTrips;
  await note('withdrawVote', v1!, 'withdrawVote', { roundId, proposalId: ids[1] });
  await ok(cloud, v2!, 'vote', { roundId, proposalId: ids[0] });
  await note('myProposals', 'demo-resident-wang', 'myProposals');
  const t0 = cloud.clock.now() - 4 * DAY - 60_000;
  cloud.clock.set(t0 + 6 * DAY + 120_000);
  await fireTimer(cloud);
  const round = (await ok(cloud, ADMIN, 'getRound', { roundId })).data;
  await note('publishResults', ADMIN, 'publishResults', { roundId, expectedVersion: round.version });
  cloud.clock.set(t0 + 7 * DAY + 60_000);
  await fireTimer(cloud);
  const receipt = cloud.storage.putFile('bench/receipt.png', Buffer.from('png'));
  const progress = {
    roundId,
    proposalId: ids[0],
    idempotencyKey: 'bench-progress',
    progress: 50,
    served: 20,
    note: '过半',
  };
  await note('recordProgress', AUTHORS[0]!, 'recordProgress', progress);
  await note('recordProgress (retried key)', AUTHORS[0]!, 'recordProgress', progress);
  await note('recordSpending', AUTHORS[0]!, 'recordSpending', {
    roundId,
    proposalId: ids[0],
    idempotencyKey: 'bench-spend',
    item: '材料',
    amount: 880.5,
    receipts: [receipt],
  });
  // The author asks to reduce the budget; the admin sees it waiting and approves (not noted: notify adds a write).
  const change = await ok(cloud, AUTHORS[0]!, 'requestChange', {
    roundId,
    proposalId: ids[0],
    idempotencyKey: 'bench-change',
    kind: 'reduce',
    budget: 2000,
    reason: '材料由居民捐赠，开支减少',
  });
  await ok(cloud, ADMIN, 'pendingChanges', { roundId });
  await ok(cloud, ADMIN, 'decideChange', {
    roundId,
    proposalId: ids[0],
    changeId: change.data.id,
    decision: 'approve',
    note: '同意',
  });
  await note('accountability', v1!, 'accountability', { roundId, proposalId: ids[0] });
  await note('confirmCompletion', ADMIN, 'confirmCompletion', { roundId, proposalId: ids[0] });
  // A second round, still collecting: withdrawing, deleting a draft, changing the settings.
  const now = cloud.clock.now();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const second = await ok(cloud, ADMIN, 'createRound', {
    idempotencyKey: 'bench-second',
    scopeId: 'jn-lukou',
    title: '第二期',
    totalBudget: 10000,
    schedule: {
      collectingFrom: at(-0.01),
      screeningFrom: at(2),
      votingFrom: at(4),
      votingUntil: at(6),
      workFrom: at(7),
    },
  });
  const r2id = second.data.id as string;
  const zhang = 'demo-resident-zhang';
  const draft = await ok(cloud, zhang, 'createProposal', {
    roundId: r2id,
    idempotencyKey: 'bench-draft',
    title: '要删的草稿',
  });
  const other = await ok(cloud, zhang, 'createProposal', {
    roundId: r2id,
    idempotencyKey: 'bench-withdraw',
    title: '要撤回的提案',
    ...complete('撤回', 3000),
  });
  rt['createProposal (complete, one save)'] = other.roundTrips;
  await ok(cloud, zhang, 'submitProposal', { roundId: r2id, proposalId: other.data.id });
  await note('withdrawProposal', zhang, 'withdrawProposal', {
    roundId: r2id,
    proposalId: other.data.id,
  });
  await note('deleteDraft', zhang, 'deleteDraft', { roundId: r2id, proposalId: draft.data.id });
  const version = (await ok(cloud, ADMIN, 'getRound', { roundId: r2id })).data.version;
  await note('updateRound', ADMIN, 'updateRound', {
    roundId: r2id,
    expectedVersion: version,
    approvalLimit: 4,
  });
  const worst = Math.max(...Object.values(rt));
  return [
    {
      name: 'round trips per action (worst path shown per label)',
      figures: rt,
      budget: '≤ 3 per user action',
      withinBudget: worst <= 3,
    },
  ];
}

/** Runs the proposals benchmarks. */
export async function run(): Promise<BenchResult[]> {
  const cloud = await startProjectCloud({
    functionEnv: { MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS },
  });
  try {
    await seedAccount(cloud);
    const cold = await warmUp(cloud);
    console.log(`instances started (slowest cold call ${Math.round(cold)} ms)`);
    return [...(await concurrentVotes(cloud)), ...(await roundTripsPerAction(cloud))];
  } finally {
    await cloud.close();
  }
}

if (require.main === module) {
  void run().then(printResults);
}
