/**
 * proposals under real concurrency through the local cloud (function instances in parallel, the real SDK): one
 * voter's 50 simultaneous votes count once; one voter's N+5 simultaneous votes stop at the quota N (and at the
 * budget in budget mode); 1,000 voters at once give exact tallies; one author's simultaneous creates stop at the
 * per-author limit; two admins screening at once; the last two completions at once still close the round; no
 * setting changes once voting opened.
 *
 * The 1,000 voters are inserted straight into `users` (insertResidents: the documents account.login and
 * updateProfile would leave), so the test times the votes, not 2,000 account calls.
 */
import type { ActionInput } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import {
  at,
  DAY,
  fireTimer,
  insertResidents,
  makeRound,
  PLAN,
  propose,
  roundDoc,
  roundInVoting,
  schedule,
  toWork,
} from './helpers';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
});
afterAll(() => demo.close());

const ballots = (roundId: string) =>
  demo.cloud.store.docs('proposal_ballots').filter((b) => b.roundId === roundId) as unknown as {
    proposalIds: string[];
    count: number;
    spent: number;
    voterId: string;
  }[];

const AUTHORS = [
  { openid: 'demo-resident-wang', title: '儿童安全小课堂' },
  { openid: 'demo-resident-wang', title: '老人智能手机课' },
  { openid: 'demo-resident-zhang', title: '村巷卡通指示牌' },
  { openid: 'demo-resident-zhang', title: '妇女瑜伽班' },
  { openid: 'demo-staff-xinyuan-1', title: '邻里读书角' },
  { openid: 'demo-staff-xinyuan-1', title: '楼道灯更换' },
  { openid: 'demo-staff-xinyuan-2', title: '四点半课堂' },
  { openid: 'demo-staff-xinyuan-2', title: '助老理发日' },
];

it('50 concurrent votes by one voter on one proposal count exactly once', async () => {
  const { roundId, ids } = await roundInVoting(demo, AUTHORS.slice(0, 2));
  const [voter] = insertResidents(demo, 'v50', 1);
  const replies = await Promise.all(
    Array.from({ length: 50 }, () => demo.call('proposals', voter!, 'vote', { roundId, proposalId: ids[0] })),
  );
  expect(replies.filter((r) => r.ok)).toHaveLength(1);
  expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(49).fill('CONFLICT'));
  expect(ballots(roundId)).toEqual([expect.objectContaining({ proposalIds: [ids[0]], count: 1 })]);
  const list = await demo.ok('proposals', voter!, 'listProposals', {
    roundId,
  });
  expect(list.items.find((i) => i.id === ids[0])!.votes).toBe(1);
});

it('one voter voting on N+5 proposals at once with quota N gets exactly N (approval)', async () => {
  const { roundId, ids } = await roundInVoting(demo, AUTHORS, { approvalLimit: 3 });
  expect(ids).toHaveLength(8);
  const [voter] = insertResidents(demo, 'vN', 1);
  const replies = await Promise.all(
    ids.map((proposalId) => demo.call('proposals', voter!, 'vote', { roundId, proposalId })),
  );
  expect(replies.filter((r) => r.ok)).toHaveLength(3);
  expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(
    Array(5).fill('LIMIT_REACHED'),
  );
  const [b] = ballots(roundId);
  expect(b!.count).toBe(3);
  expect(new Set(b!.proposalIds).size).toBe(3);
  // Every round trip count is reported; the racing ones need at most 2 more than the plain path.
  expect(Math.max(...replies.map((r) => r.roundTrips))).toBeLessThanOrEqual(5);
});

it('in budget mode the same race stops at the budget: 10,000 yuan buys exactly three 3,000-yuan proposals', async () => {
  const { roundId, ids } = await roundInVoting(
    demo,
    AUTHORS.map((a) => ({ ...a, budget: 3000 })),
    { voteMode: 'budget', totalBudget: 10000 },
  );
  const [voter] = insertResidents(demo, 'vB', 1);
  const replies = await Promise.all(
    ids.map((proposalId) => demo.call('proposals', voter!, 'vote', { roundId, proposalId })),
  );
  expect(replies.filter((r) => r.ok)).toHaveLength(3);
  const [b] = ballots(roundId);
  expect(b).toMatchObject({ count: 3, spent: 9000 });
});

it('1,000 distinct voters at once: tallies exact, during voting and in the results', async () => {
  const { roundId, ids, t0 } = await roundInVoting(demo, AUTHORS.slice(0, 5));
  const voters = insertResidents(demo, 'v1k', 1000);
  const started = performance.now();
  const replies = await Promise.all(
    voters.map((openid, i) => demo.call('proposals', openid, 'vote', { roundId, proposalId: ids[i % 5] })),
  );
  const ms = performance.now() - started;
  console.log(
    `1,000 concurrent votes: ${Math.round(ms)} ms (${Math.round((1000 / ms) * 1000)} votes/s), round trips per vote max ${Math.max(...replies.map((r) => r.roundTrips))}`,
  );
  expect(replies.filter((r) => !r.ok)).toEqual([]);
  expect(replies.every((r) => r.roundTrips === 3)).toBe(true);
  expect(ballots(roundId)).toHaveLength(1000);
  const live = await demo.ok('proposals', voters[0]!, 'listProposals', {
    roundId,
  });
  expect(Object.fromEntries(live.items.map((i) => [i.id, i.votes]))).toEqual(
    Object.fromEntries(ids.map((id) => [id, 200])),
  );
  // And every voter withdraws nothing / nobody votes twice: the results tally the same.
  await at(demo, t0, PLAN.votingUntil);
  const round = await demo.ok('proposals', 'demo-admin-lukou', 'getRound', { roundId });
  expect(round.results!.voters).toBe(1000);
  expect(round.results!.entries.map((e) => e.votes)).toEqual([200, 200, 200, 200, 200]);
}, 120_000);

it('one author creating proposals at once stops at the per-author limit; one key makes one proposal', async () => {
  const { id: roundId } = await makeRound(demo, { perAuthor: 2 });
  const [author] = insertResidents(demo, 'auth', 1);
  const make = (k: string) =>
    demo.call('proposals', author!, 'createProposal', {
      roundId,
      idempotencyKey: k,
      title: '同时提交的提案',
    });
  const replies = await Promise.all(Array.from({ length: 6 }, (_x, i) => make(`different-key-${i}`)));
  expect(replies.filter((r) => r.ok)).toHaveLength(2);
  expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(
    Array(4).fill('LIMIT_REACHED'),
  );
  const [author2] = insertResidents(demo, 'auth2', 1);
  const same = await Promise.all(
    Array.from({ length: 6 }, () =>
      demo.call('proposals', author2!, 'createProposal', {
        roundId,
        idempotencyKey: 'one-tap-many-times',
        title: '连点了好几次',
      }),
    ),
  );
  expect(new Set(same.map((r) => r.ok && r.data.id)).size).toBe(1);
  expect(demo.cloud.store.docs('proposals').filter((p) => p.authorId === 'auth2-0')).toHaveLength(1);
});

it('two admins screening one proposal at once: no decision is lost (the loser of a clash is told)', async () => {
  const t0 = demo.cloud.clock.now();
  const { id: roundId } = await makeRound(demo);
  const pids = [
    await propose(demo, roundId, 'demo-resident-wang', '儿童安全小课堂'),
    await propose(demo, roundId, 'demo-resident-wang', '老人智能手机课'),
    await propose(demo, roundId, 'demo-resident-zhang', '村巷卡通指示牌'),
  ];
  await at(demo, t0, PLAN.screeningFrom);
  for (const pid of pids) {
    const replies = await Promise.all([
      demo.call('proposals', 'demo-admin-lukou', 'screenProposal', {
        roundId,
        proposalId: pid,
        decision: 'accept',
      }),
      demo.call('proposals', 'demo-admin-jiangning', 'screenProposal', {
        roundId,
        proposalId: pid,
        decision: 'request_changes',
        note: '请补充预算明细',
      }),
    ]);
    // Either they clashed (one CONFLICT) or one came after the other and revised it; never a silent overwrite.
    const won = replies.filter((r) => r.ok);
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true);
    const stored = demo.cloud.store.docs('proposals').find((p) => p._id === pid)!;
    expect((stored.screening as unknown[]).length).toBe(won.length);
    const last = (stored.screening as { decision: string }[]).at(-1)!.decision;
    expect(stored.status).toBe(last === 'accept' ? 'accepted' : 'changes_requested');
  }
});

it('the last two completions confirmed at once by two admins still close the round', async () => {
  const { roundId, ids, t0 } = await roundInVoting(demo, AUTHORS.slice(0, 2));
  await demo.ok('proposals', 'demo-resident-zhang', 'vote', { roundId, proposalId: ids[0] });
  await demo.ok('proposals', 'demo-resident-zhang', 'vote', { roundId, proposalId: ids[1] });
  await toWork(demo, roundId, t0);
  const replies = await Promise.all([
    demo.call('proposals', 'demo-admin-lukou', 'confirmCompletion', {
      roundId,
      proposalId: ids[0],
    }),
    demo.call('proposals', 'demo-admin-jiangning', 'confirmCompletion', {
      roundId,
      proposalId: ids[1],
    }),
  ]);
  expect(replies.every((r) => r.ok)).toBe(true);
  expect(replies.filter((r) => r.ok && r.data.roundClosed)).toHaveLength(1);
  expect(roundDoc(demo, roundId)).toMatchObject({ phase: 'closed' });
  expect((roundDoc(demo, roundId).completions as unknown[]).length).toBe(2);
});

describe('settings are frozen once voting opened (CONSUL #5321)', () => {
  it('allows changes before, refuses them from the voting date on (before and after the timer), writing nothing', async () => {
    const t0 = demo.cloud.clock.now();
    const made = await makeRound(demo, { schedule: schedule(demo) });
    const roundId = made.id;
    await at(demo, t0, PLAN.screeningFrom);
    let version = roundDoc(demo, roundId).version as number;
    const before = await demo.call('proposals', 'demo-admin-lukou', 'updateRound', {
      roundId,
      expectedVersion: version,
      approvalLimit: 4,
      showTallies: false,
    });
    expect(before).toMatchObject({ ok: true });
    version = before.ok ? before.data.version : version;
    // The voting date has come; the timer has not run yet.
    demo.cloud.clock.advance(t0 + PLAN.votingFrom * DAY + 1000 - demo.cloud.clock.now());
    const stored = JSON.stringify(roundDoc(demo, roundId));
    const changes: Partial<ActionInput<'proposals', 'updateRound'>>[] = [
      { approvalLimit: 10 },
      { voteMode: 'budget' },
      { showTallies: true },
      { totalBudget: 90000 },
    ];
    for (const change of changes) {
      const r = await demo.call('proposals', 'demo-admin-lukou', 'updateRound', {
        roundId,
        expectedVersion: version,
        ...change,
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('锁定') },
      });
    }
    expect(JSON.stringify(roundDoc(demo, roundId))).toBe(stored);
    await fireTimer(demo);
    expect(roundDoc(demo, roundId)).toMatchObject({
      phase: 'voting',
      settings: { approvalLimit: 4, showTallies: false },
    });
    const after = await demo.call('proposals', 'demo-admin-jiangning', 'updateRound', {
      roundId,
      expectedVersion: roundDoc(demo, roundId).version,
      schedule: { votingUntil: new Date(t0 + 30 * DAY).toISOString() },
    });
    expect(after).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a change racing the timer that opens the vote either lands before it or not at all', async () => {
    const t0 = demo.cloud.clock.now();
    const made = await makeRound(demo);
    await at(demo, t0, PLAN.screeningFrom);
    // Just before the date: the change is allowed by date; the timer (already due a moment later) races it.
    demo.cloud.clock.advance(t0 + PLAN.votingFrom * DAY - 200 - demo.cloud.clock.now());
    const [change] = await Promise.all([
      demo.call('proposals', 'demo-admin-lukou', 'updateRound', {
        roundId: made.id,
        expectedVersion: roundDoc(demo, made.id).version,
        approvalLimit: 7,
      }),
      (async () => {
        demo.cloud.clock.advance(400);
        await fireTimer(demo);
      })(),
    ]);
    await fireTimer(demo);
    const r = roundDoc(demo, made.id) as unknown as {
      phase: string;
      settings: { approvalLimit: number };
      frozenAt: Date;
    };
    expect(r.phase).toBe('voting');
    // Whatever the interleaving, the settings voters see are the ones stored when voting opened.
    expect(r.settings.approvalLimit).toBe(change.ok ? 7 : 3);
  });
});
