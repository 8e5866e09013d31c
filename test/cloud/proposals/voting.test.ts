/**
 * proposals: both vote modes end to end — the voter's remaining quota as the pages show it, refusals that say why,
 * withdrawal, hidden tallies that no view or sort order leaks, and results: ties broken by the published rule,
 * awards down the ranking within budget (skipping what no longer fits, not funding below the minimum votes), and
 * admin decisions that would break the budget refused with nothing written.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { at, insertResidents, PLAN, roundDoc, roundInVoting } from './helpers';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
});
afterAll(() => demo.close());

it('approval mode: up to N proposals, the quota shown, withdrawal frees it', async () => {
  const { roundId, ids } = await roundInVoting(
    demo,
    [
      { openid: 'demo-resident-wang', title: '儿童安全小课堂' },
      { openid: 'demo-resident-zhang', title: '村巷卡通指示牌' },
      { openid: 'demo-staff-xinyuan-1', title: '妇女瑜伽班' },
    ],
    { approvalLimit: 2 },
  );
  const [me] = insertResidents(demo, 'appr', 1);
  const round = await demo.ok('proposals', me!, 'getRound', {
    roundId,
  });
  expect(round.me).toMatchObject({ canVote: true, ballot: { mode: 'approval', used: 0, limit: 2, left: 2 } });
  await demo.ok('proposals', me!, 'vote', { roundId, proposalId: ids[0] });
  const second = await demo.ok('proposals', me!, 'vote', { roundId, proposalId: ids[1] });
  expect(second.ballot).toMatchObject({ used: 2, left: 0, votedProposalIds: [ids[0], ids[1]] });
  const third = await demo.call('proposals', me!, 'vote', { roundId, proposalId: ids[2] });
  expect(third).toMatchObject({
    ok: false,
    error: { code: 'LIMIT_REACHED', message: expect.stringContaining('最多支持 2 个') },
  });
  expect(await demo.call('proposals', me!, 'vote', { roundId, proposalId: ids[0] })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '您已经为这个提案投过票了' },
  });
  const back = await demo.ok('proposals', me!, 'withdrawVote', {
    roundId,
    proposalId: ids[0],
  });
  expect(back.ballot).toMatchObject({ used: 1, left: 1 });
  expect(await demo.call('proposals', me!, 'withdrawVote', { roundId, proposalId: ids[0] })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  await demo.ok('proposals', me!, 'vote', { roundId, proposalId: ids[2] });
  const detail = await demo.ok('proposals', me!, 'getProposal', { roundId, proposalId: ids[2] });
  expect(detail).toMatchObject({ voted: true, votes: 1, vote: { ballot: { used: 2, left: 0 } } });
  const stored = demo.cloud.store.docs('proposal_ballots').find((b) => b.roundId === roundId)!;
  expect(stored).toMatchObject({ count: 2, proposalIds: [ids[1], ids[2]] });
  expect((stored.log as { op: string }[]).map((l) => l.op)).toEqual(['vote', 'vote', 'withdraw', 'vote']);
});

it('budget mode: chosen proposals must fit the round budget; the remaining yuan shown', async () => {
  const { roundId, ids, t0 } = await roundInVoting(
    demo,
    [
      { openid: 'demo-resident-wang', title: '儿童安全小课堂', budget: 6000 },
      { openid: 'demo-resident-zhang', title: '村巷卡通指示牌', budget: 5000 },
      { openid: 'demo-staff-xinyuan-1', title: '妇女瑜伽班', budget: 3000 },
      { openid: 'demo-staff-xinyuan-2', title: '老人智能手机课', budget: 2000 },
    ],
    { voteMode: 'budget', totalBudget: 10000, minVotes: 2 },
  );
  const [a, b, c, d] = insertResidents(demo, 'budg', 4);
  const first = await demo.ok('proposals', a!, 'vote', { roundId, proposalId: ids[0] });
  expect(first.ballot).toMatchObject({ mode: 'budget', used: 6000, limit: 10000, left: 4000 });
  expect(await demo.call('proposals', a!, 'vote', { roundId, proposalId: ids[1] })).toMatchObject({
    ok: false,
    error: { code: 'LIMIT_REACHED', message: expect.stringContaining('还剩 4000 元') },
  });
  await demo.ok('proposals', a!, 'vote', { roundId, proposalId: ids[2] });
  // Withdraw the big one and take two smaller ones instead.
  await demo.ok('proposals', a!, 'withdrawVote', { roundId, proposalId: ids[0] });
  await demo.ok('proposals', a!, 'vote', { roundId, proposalId: ids[1] });
  const last = await demo.ok('proposals', a!, 'vote', { roundId, proposalId: ids[3] });
  expect(last.ballot).toMatchObject({ used: 10000, left: 0 });
  for (const v of [b!, c!, 'demo-resident-wang', 'demo-resident-zhang']) {
    await demo.ok('proposals', v, 'vote', { roundId, proposalId: ids[0] });
  }
  // 6,000 + 5,000 would not fit one ballot: another neighbour backs the signposts.
  expect(await demo.call('proposals', b!, 'vote', { roundId, proposalId: ids[1] })).toMatchObject({
    ok: false,
  });
  await demo.ok('proposals', d!, 'vote', { roundId, proposalId: ids[1] });
  // Tallies: 6000-yuan 4 votes, 5000-yuan 2, 3000-yuan 1, 2000-yuan 1.
  await at(demo, t0, PLAN.votingUntil);
  const r = await demo.ok('proposals', 'demo-admin-lukou', 'getRound', { roundId });
  // 6000 funded; 5000 no longer fits (4000 left): skipped; the next two are below the 2-vote minimum.
  expect(r.results!.entries.map((e) => [e.proposalId, e.votes, e.funded, e.basis])).toEqual([
    [ids[0], 4, true, 'ranking'],
    [ids[1], 2, false, 'budget_exhausted'],
    [ids[3], 1, false, 'below_min_votes'],
    [ids[2], 1, false, 'below_min_votes'],
  ]);
  expect(r.results!.budgetUsed).toBe(6000);
  // An admin decision that would overspend is refused, nothing written.
  const before = JSON.stringify(roundDoc(demo, roundId));
  const over = await demo.call('proposals', 'demo-admin-lukou', 'publishResults', {
    roundId,
    expectedVersion: roundDoc(demo, roundId).version,
    decisions: [{ proposalId: ids[1], funded: true, reason: '路口安全很重要' }],
  });
  expect(over).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: expect.stringContaining('超过本轮预算') },
  });
  expect(JSON.stringify(roundDoc(demo, roundId))).toBe(before);
  // Funding the 2,000-yuan one below the minimum fits (6,000 + 2,000 ≤ 10,000), with a published reason.
  const ok = await demo.ok('proposals', 'demo-admin-lukou', 'publishResults', {
    roundId,
    expectedVersion: roundDoc(demo, roundId).version,
    decisions: [{ proposalId: ids[3], funded: true, reason: '老人需求迫切，预算有余' }],
  });
  expect(ok.budgetUsed).toBe(8000);
  expect(ok.entries.find((e) => e.proposalId === ids[3])).toMatchObject({
    funded: true,
    reason: '老人需求迫切，预算有余',
  });
});

it('hidden tallies: no count in any view and no sort by votes while voting lasts; shown once it closed', async () => {
  const { roundId, ids, t0 } = await roundInVoting(
    demo,
    [
      { openid: 'demo-resident-wang', title: '儿童安全小课堂' },
      { openid: 'demo-resident-zhang', title: '村巷卡通指示牌' },
    ],
    { showTallies: false },
  );
  const voters = insertResidents(demo, 'hid', 3);
  for (const v of voters) await demo.ok('proposals', v, 'vote', { roundId, proposalId: ids[0] });
  const list = await demo.ok('proposals', 'demo-resident-wang', 'listProposals', { roundId, sort: 'votes' });
  expect(list.sort).toBe('newest');
  expect(list.votesShown).toBe(false);
  expect(list.items.every((i) => i.votes === undefined)).toBe(true);
  // Newest first, though the older one has all the votes: the order leaks nothing.
  expect(list.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
  const detail = await demo.ok('proposals', 'demo-resident-wang', 'getProposal', {
    roundId,
    proposalId: ids[0],
  });
  expect(detail).not.toHaveProperty('votes');
  await at(demo, t0, PLAN.votingUntil);
  const after = await demo.ok('proposals', 'demo-resident-wang', 'listProposals', {
    roundId,
    sort: 'votes',
  });
  expect(after.items.map((i) => [i.id, i.votes])).toEqual([
    [ids[0], 3],
    [ids[1], 0],
  ]);
});

it('a voter moved out of the scope can no longer vote, but may still take a vote back', async () => {
  const { roundId, ids } = await roundInVoting(demo, [
    { openid: 'demo-resident-wang', title: '儿童安全小课堂' },
  ]);
  const [mover] = insertResidents(demo, 'mover', 1);
  await demo.ok('proposals', mover!, 'vote', { roundId, proposalId: ids[0] });
  await demo.ok('account', mover!, 'updateProfile', { communityId: 'jn-moling-moling' });
  expect(await demo.call('proposals', mover!, 'vote', { roundId, proposalId: ids[0] })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  await demo.ok('proposals', mover!, 'withdrawVote', { roundId, proposalId: ids[0] });
});
