/**
 * proposals: one round from opening to closing through the local cloud with the real SDK — collecting, screening
 * (accept, reject with a reason, ask for changes and resubmit), voting opened and closed by the timer, withdrawal,
 * results by the published tie-break rule with awards within budget, publication with an admin decision, the work
 * and its public account, completion closing the round — with messages to proposers and round trips per action.
 */
import type { ActionArgs, ActionInput, ActionName, ActionResult } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { at, content, DAY, fireTimer, key, roundDoc } from './helpers';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
});
afterAll(() => demo.close());

const ADMIN = 'demo-admin-lukou';
const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';
const LIN = 'demo-staff-xinyuan-1';
const HE = 'demo-staff-xinyuan-2';

/** Round trips measured per action, printed at the end for the note. */
const trips = new Map<string, number[]>();
async function call<A extends ActionName<'proposals'>>(
  openid: string,
  action: A,
  ...input: ActionArgs<'proposals', A>
) {
  const r = await demo.call('proposals', openid, action, ...input);
  trips.set(action, [...(trips.get(action) ?? []), r.roundTrips]);
  return r;
}
async function ok<A extends ActionName<'proposals'>>(
  openid: string,
  action: A,
  ...input: ActionArgs<'proposals', A>
): Promise<ActionResult<'proposals', A>> {
  const r = await call(openid, action, ...input);
  if (!r.ok)
    throw new Error(`${action}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`);
  return r.data;
}
afterAll(() => {
  const table = [...trips.entries()].map(
    ([a, n]) => `${a.padEnd(18)} max ${Math.max(...n)} (${n.length} calls)`,
  );
  console.log(`proposals round trips per action:\n${table.join('\n')}`);
});

it('runs a round from collecting to closed', async () => {
  const t0 = demo.cloud.clock.now();
  const round = await ok(ADMIN, 'createRound', {
    idempotencyKey: key('life'),
    scopeId: 'jn-lukou',
    title: '幸福禄口·微公益 第一期',
    totalBudget: 10000,
    approvalLimit: 2,
    schedule: Object.fromEntries(
      Object.entries({
        collectingFrom: -0.01,
        screeningFrom: 2,
        votingFrom: 4,
        votingUntil: 6,
        workFrom: 7,
      }).map(([k, d]) => [k, new Date(t0 + d * DAY).toISOString()]),
    ) as ActionInput<'proposals', 'createRound'>['schedule'],
  });
  expect(round.phase).toBe('collecting');
  const roundId = round.id;

  // Collecting: a multi-step draft (title first, the rest later), then submitted.
  const draft = await ok(WANG, 'createProposal', {
    roundId,
    idempotencyKey: key('wang'),
    title: '儿童安全小课堂',
  });
  expect(draft.status).toBe('draft');
  expect(draft.missing.map((m) => m.path)).toEqual(
    expect.arrayContaining(['summary', 'details', 'budgetLines', 'months', 'beneficiaries']),
  );
  const notYet = await call(WANG, 'submitProposal', { roundId, proposalId: draft.id });
  expect(notYet).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  // Others do not see a draft.
  expect(await call(ZHANG, 'getProposal', { roundId, proposalId: draft.id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  const filled = await ok(WANG, 'updateProposal', {
    roundId,
    proposalId: draft.id,
    ...content('儿童安全小课堂', 4000),
  });
  expect(filled).toMatchObject({ missing: [], budget: 4000 });
  await ok(WANG, 'submitProposal', { roundId, proposalId: draft.id });

  const signs = await ok(ZHANG, 'createProposal', {
    roundId,
    idempotencyKey: key('z'),
    ...content('村巷卡通指示牌', 4000),
  });
  await ok(ZHANG, 'submitProposal', { roundId, proposalId: signs.id });
  const yoga = await ok(LIN, 'createProposal', {
    roundId,
    idempotencyKey: key('l'),
    ...content('妇女瑜伽班', 3000),
  });
  await ok(LIN, 'submitProposal', { roundId, proposalId: yoga.id });
  const phones = await ok(HE, 'createProposal', {
    roundId,
    idempotencyKey: key('h'),
    ...content('老人智能手机课', 3000),
  });
  await ok(HE, 'submitProposal', { roundId, proposalId: phones.id });
  const spam = await ok(ZHANG, 'createProposal', {
    roundId,
    idempotencyKey: key('z2'),
    ...content('小区广场舞音响', 2000),
  });
  await ok(ZHANG, 'submitProposal', { roundId, proposalId: spam.id });
  // Submitted proposals may still be edited while collecting lasts.
  await ok(ZHANG, 'updateProposal', {
    roundId,
    proposalId: signs.id,
    summary: '在村巷路口装卡通指示牌，孩子老人不迷路。',
  });

  // Screening (timer at the date).
  const s1 = await at(demo, t0, 2);
  expect(s1).toMatchObject({ ok: true, data: { steps: [{ roundId, to: 'screening' }] } });
  expect(
    await call(ZHANG, 'updateProposal', { roundId, proposalId: signs.id, title: '改个标题' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  const before = demo.cloud.outbox.list().length;
  await ok(ADMIN, 'screenProposal', { roundId, proposalId: draft.id, decision: 'accept' });
  await ok(ADMIN, 'screenProposal', { roundId, proposalId: yoga.id, decision: 'accept' });
  await ok(ADMIN, 'screenProposal', { roundId, proposalId: phones.id, decision: 'accept' });
  await ok(ADMIN, 'screenProposal', {
    roundId,
    proposalId: spam.id,
    decision: 'reject',
    note: '音响设备不属于微公益资助范围',
  });
  await ok(ADMIN, 'screenProposal', {
    roundId,
    proposalId: signs.id,
    decision: 'request_changes',
    note: '请补充指示牌的安装位置',
  });
  const told = demo.cloud.outbox.list().slice(before);
  expect(told).toHaveLength(5);
  expect(told.map((m) => m.data.phrase2?.value).sort()).toEqual(
    ['已通过', '已通过', '已通过', '未通过', '请修改'].sort(),
  );
  expect(told.find((m) => m.data.phrase2?.value === '请修改')).toMatchObject({
    touser: ZHANG,
    data: { thing3: { value: '请补充指示牌的安装位置' } },
  });
  // The proposer sees the note; a neighbour sees the rejection's reason only.
  const mine = await ok(ZHANG, 'getProposal', { roundId, proposalId: signs.id });
  expect(mine.screening.map((s) => s.note)).toEqual(['请补充指示牌的安装位置']);
  expect(mine.can).toMatchObject({ edit: true, submit: true });
  expect((await ok(WANG, 'getProposal', { roundId, proposalId: signs.id })).screening).toEqual([]);
  expect(
    (
      await ok(WANG, 'getProposal', {
        roundId,
        proposalId: spam.id,
      })
    ).screening,
  ).toEqual([expect.objectContaining({ note: '音响设备不属于微公益资助范围' })]);
  // Changes made and resubmitted while screening lasts, then accepted.
  await ok(ZHANG, 'updateProposal', {
    roundId,
    proposalId: signs.id,
    details: '在东街、西巷、菜场口三个路口各装两块卡通指示牌，标明卫生院、学校和公交站方向。',
  });
  expect(await ok(ZHANG, 'submitProposal', { roundId, proposalId: signs.id })).toMatchObject({
    status: 'submitted',
  });
  await ok(ADMIN, 'screenProposal', { roundId, proposalId: signs.id, decision: 'accept' });

  // Voting opens by the timer: settings frozen; proposers told.
  const sent = demo.cloud.outbox.list().length;
  expect(await at(demo, t0, 4)).toMatchObject({ data: { steps: [{ roundId, to: 'voting' }] } });
  expect(
    demo.cloud.outbox
      .list()
      .slice(sent)
      .map((m) => m.touser)
      .sort(),
  ).toEqual([HE, LIN, WANG, ZHANG].sort());
  expect(roundDoc(demo, roundId)).toHaveProperty('frozenAt');

  // Votes (approval, 2 each): a tie between the signposts and the smartphone class at 3 votes each.
  const v = (who: string, p: string) => ok(who, 'vote', { roundId, proposalId: p });
  await v(WANG, signs.id);
  await v(WANG, draft.id);
  await v(ZHANG, phones.id);
  await v(ZHANG, signs.id);
  await v(LIN, signs.id);
  await v(LIN, phones.id);
  await v(HE, phones.id);
  await v(HE, yoga.id);
  await v(ADMIN, draft.id);
  // Withdraw and vote for another: the quota is freed.
  await ok(HE, 'withdrawVote', { roundId, proposalId: yoga.id });
  await v(HE, draft.id);
  const list = await ok(ZHANG, 'listProposals', {
    roundId,
    sort: 'votes',
  });
  expect(list.sort).toBe('votes');
  // Equal votes: the published tie-break (cheaper first, then first submitted); the rejected one is not listed.
  expect(list.items.map((c) => [c.id, c.votes])).toEqual([
    [phones.id, 3],
    [draft.id, 3],
    [signs.id, 3],
    [yoga.id, 0],
  ]);

  // Voting ends by date; the results come after the settle interval, by the timer.
  demo.cloud.clock.advance(t0 + 6 * DAY + 1_000 - demo.cloud.clock.now());
  expect(await call(ZHANG, 'vote', { roundId, proposalId: yoga.id })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect((await fireTimer(demo)).data!.steps).toEqual([]);
  expect(await at(demo, t0, 6)).toMatchObject({ data: { steps: [{ roundId, to: 'results' }] } });
  const results = (await ok(ZHANG, 'getRound', { roundId })).results;
  expect(results!.published).toBe(false);
  expect(results!.voters).toBe(5);
  // Three-way tie at 3 votes: cheaper first (3000), then earlier submitted (WANG's 4000 before ZHANG's resubmission
  // — the first submission time counts).
  expect(results!.entries.map((e) => [e.proposalId, e.votes, e.rank, e.position, e.tied])).toEqual([
    [phones.id, 3, 1, 1, true],
    [draft.id, 3, 1, 2, true],
    [signs.id, 3, 1, 3, true],
    [yoga.id, 0, 4, 4, false],
  ]);
  expect(results!.entries[0]).not.toHaveProperty('funded');
  const draftResults = await ok(ADMIN, 'getRound', { roundId });
  // Budget 10,000: 3,000 + 4,000 fit; 4,000 more does not; yoga has no votes.
  expect(draftResults.results!.entries.map((e) => e.funded)).toEqual([true, true, false, false]);
  expect(draftResults.results!.budgetUsed).toBe(7000);

  // The admin funds yoga instead of nothing (3,000 fits the 3,000 left), with a published reason.
  const version = (roundDoc(demo, roundId).version as number) ?? 0;
  const sentBefore = demo.cloud.outbox.list().length;
  const published = await ok(ADMIN, 'publishResults', {
    roundId,
    expectedVersion: version,
    decisions: [{ proposalId: yoga.id, funded: true, reason: '妇女健康需求突出，街道决定补足资助' }],
  });
  expect(published.budgetUsed).toBe(10000);
  expect(published.entries.find((e) => e.proposalId === yoga.id)).toMatchObject({
    funded: true,
    basis: 'admin',
  });
  expect(demo.cloud.outbox.list().slice(sentBefore)).toHaveLength(4);
  expect(
    await call(ADMIN, 'publishResults', { roundId, expectedVersion: version + 1, decisions: [] }),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  const neighbour = await ok(WANG, 'getRound', { roundId });
  expect(neighbour.results!.published).toBe(true);
  expect(neighbour.results!.entries.map((e) => e.funded)).toEqual([true, true, false, true]);

  // Work starts on its date.
  expect(await at(demo, t0, 7)).toMatchObject({ data: { steps: [{ roundId, to: 'in_progress' }] } });
  await ok(WANG, 'recordProgress', {
    roundId,
    proposalId: draft.id,
    idempotencyKey: key('m'),
    progress: 40,
    served: 35,
    note: '第一次课：认识交通标志，35 个孩子参加',
  });
  const spendKey = key('s');
  const spending = {
    roundId,
    proposalId: draft.id,
    idempotencyKey: spendKey,
    item: '安全教具',
    amount: 1280.5,
    receipts: [demo.cloud.storage.putFile('receipts/r1.png', Buffer.from('PNG receipt'))],
  };
  await ok(WANG, 'recordSpending', spending);
  await ok(WANG, 'recordSpending', spending); // a retried tap: one record
  await ok(ADMIN, 'recordSpending', { ...spending, idempotencyKey: key('s'), item: '讲师费', amount: 3000 });
  await ok(WANG, 'recordProgress', {
    roundId,
    proposalId: draft.id,
    idempotencyKey: key('m'),
    progress: 100,
    served: 40,
    note: '五次课全部完成',
  });
  expect(
    await call(ZHANG, 'recordProgress', {
      roundId,
      proposalId: draft.id,
      idempotencyKey: key('x'),
      progress: 5,
      note: '我来写',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(
    await call(ZHANG, 'recordProgress', {
      roundId,
      proposalId: signs.id,
      idempotencyKey: key('x'),
      progress: 5,
      note: '未资助',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  const account = await ok(LIN, 'accountability', { roundId, proposalId: draft.id });
  expect(account.sums).toMatchObject({ awarded: 10000, spent: 4280.5, served: 75, projects: 3 });
  expect(account.projects.find((p) => p.proposalId === draft.id)).toMatchObject({
    spent: 4280.5,
    left: -280.5,
    overBudget: true,
    progress: 100,
    served: 75,
  });
  expect(account.timeline!.map((e) => e.kind).sort()).toEqual([
    'progress',
    'progress',
    'spending',
    'spending',
  ]);

  // Completion: sealing each account; the last one closes the round.
  const c1 = await ok(ADMIN, 'confirmCompletion', {
    roundId,
    proposalId: draft.id,
    note: '验收合格',
  });
  expect(c1.roundClosed).toBe(false);
  expect(
    await call(WANG, 'recordProgress', {
      roundId,
      proposalId: draft.id,
      idempotencyKey: key('late'),
      progress: 100,
      note: '补充',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  await ok(ADMIN, 'confirmCompletion', { roundId, proposalId: phones.id, note: '验收合格' });
  const last = await ok(ADMIN, 'confirmCompletion', {
    roundId,
    proposalId: yoga.id,
    note: '验收合格',
  });
  expect(last.roundClosed).toBe(true);
  expect(roundDoc(demo, roundId).phase).toBe('closed');
  const done = await ok(ZHANG, 'listProposals', {
    roundId,
    status: 'completed',
  });
  expect(done.items.map((i) => i.id).sort()).toEqual([draft.id, phones.id, yoga.id].sort());

  // Every user action within 3 round trips, the message kept in the proposer's centre included.
  const over = [...trips.entries()].filter(([, n]) => Math.max(...n) > 3);
  expect(over).toEqual([]);
});
