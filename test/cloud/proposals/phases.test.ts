/**
 * proposals: every phase rule enforced by the function, through the local cloud — what each phase allows and
 * refuses (no proposal before collecting, no edit after screening, no vote outside voting, no screening outside
 * screening, no withdrawal once voting opened, results and accounts only in their phases), with nothing written
 * on a refusal; timers moving the phases at their dates, results waiting for publication before the work starts.
 */
import type { ActionInput, ActionName } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { at, DAY, fireTimer, key, makeRound, PLAN, propose, roundDoc, schedule, toWork } from './helpers';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
});
afterAll(() => demo.close());

const ADMIN = 'demo-admin-lukou';
const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';

/** The stored state of the capability, to check a refusal wrote nothing. */
const snapshot = () =>
  ['proposal_rounds', 'proposals', 'proposal_ballots', 'proposal_reports']
    .map((c) => JSON.stringify(demo.cloud.store.docs(c)))
    .join('\n');

/** Expects the call to be refused with `code` and to write nothing. */
async function refused<A extends ActionName<'proposals'>>(
  openid: string,
  action: A,
  payload: ActionInput<'proposals', A>,
  code = 'CONFLICT',
) {
  const before = snapshot();
  const r = await demo.call('proposals', openid, action, payload);
  expect({ action, r }).toMatchObject({ action, r: { ok: false, error: { code } } });
  expect(snapshot()).toBe(before);
}

it('a round announced ahead takes no proposals until collecting opens by the timer', async () => {
  const t0 = demo.cloud.clock.now();
  const made = await makeRound(demo, { schedule: schedule(demo, 1) });
  expect(roundDoc(demo, made.id).phase).toBe('upcoming');
  await refused(WANG, 'createProposal', { roundId: made.id, idempotencyKey: key(), title: '太早了的提案' });
  await at(demo, t0, 1);
  expect(roundDoc(demo, made.id).phase).toBe('collecting');
  await demo.ok('proposals', WANG, 'createProposal', {
    roundId: made.id,
    idempotencyKey: key(),
    title: '准时的提案',
  });
});

describe('a round through its phases', () => {
  let roundId: string;
  let t0: number;
  let accepted: string;
  let sentBack: string;
  let unscreened: string;
  let draft: string;
  let toWithdraw: string;
  beforeAll(async () => {
    t0 = demo.cloud.clock.now();
    roundId = (await makeRound(demo, { perAuthor: 3 })).id;
    accepted = await propose(demo, roundId, WANG, '儿童安全小课堂');
    sentBack = await propose(demo, roundId, ZHANG, '村巷卡通指示牌');
    unscreened = await propose(demo, roundId, ZHANG, '妇女瑜伽班');
    toWithdraw = await propose(demo, roundId, WANG, '老人智能手机课');
    draft = (
      await demo.ok('proposals', WANG, 'createProposal', {
        roundId,
        idempotencyKey: key(),
        title: '没写完的草稿',
      })
    ).id;
  });

  it('collecting: proposals edited and withdrawn; no screening, voting, results or accounts yet', async () => {
    await demo.ok('proposals', ZHANG, 'updateProposal', { roundId, proposalId: sentBack, months: 6 });
    await refused(ADMIN, 'screenProposal', { roundId, proposalId: accepted, decision: 'accept' });
    await refused(WANG, 'vote', { roundId, proposalId: accepted });
    await refused(ADMIN, 'publishResults', { roundId, expectedVersion: roundDoc(demo, roundId).version });
    await refused(WANG, 'recordProgress', {
      roundId,
      proposalId: accepted,
      idempotencyKey: key(),
      progress: 1,
      note: '早',
    });
    await refused(ADMIN, 'confirmCompletion', { roundId, proposalId: accepted });
    // A withdrawn proposal keeps its place in the per-author limit (3 here: 2 proposals, 1 draft, so no 4th).
    const w = await demo.ok('proposals', WANG, 'withdrawProposal', {
      roundId,
      proposalId: toWithdraw,
      reason: '找到了其他资助',
    });
    expect(w.status).toBe('withdrawn');
    await refused(
      WANG,
      'createProposal',
      { roundId, idempotencyKey: key(), title: '第四个提案' },
      'LIMIT_REACHED',
    );
    await refused(WANG, 'withdrawProposal', { roundId, proposalId: toWithdraw });
    await refused(WANG, 'withdrawProposal', { roundId, proposalId: draft });
    // Deleting a draft frees its place.
    expect(await demo.ok('proposals', WANG, 'deleteDraft', { roundId, proposalId: draft })).toEqual({
      deleted: true,
    });
    await refused(WANG, 'deleteDraft', { roundId, proposalId: draft }, 'NOT_FOUND');
    draft = (
      await demo.ok('proposals', WANG, 'createProposal', {
        roundId,
        idempotencyKey: key(),
        title: '新的草稿',
      })
    ).id;
  });

  it('between the screening date and the timer, neither phase acts', async () => {
    demo.cloud.clock.advance(t0 + PLAN.screeningFrom * DAY + 1000 - demo.cloud.clock.now());
    expect(roundDoc(demo, roundId).phase).toBe('collecting');
    await refused(ZHANG, 'updateProposal', { roundId, proposalId: sentBack, months: 5 });
    await refused(WANG, 'submitProposal', { roundId, proposalId: draft });
    await refused(ADMIN, 'screenProposal', { roundId, proposalId: accepted, decision: 'accept' });
    await fireTimer(demo);
    expect(roundDoc(demo, roundId).phase).toBe('screening');
  });

  it('screening: no new proposals, no edits but requested changes, no votes', async () => {
    await refused(WANG, 'createProposal', { roundId, idempotencyKey: key(), title: '迟到的提案' });
    await refused(WANG, 'updateProposal', {
      roundId,
      proposalId: accepted,
      summary: '想再改一改这个提案的摘要',
    });
    await refused(WANG, 'updateProposal', { roundId, proposalId: draft, summary: '草稿也不能再改了啊啊啊' });
    await refused(WANG, 'submitProposal', { roundId, proposalId: draft });
    await refused(ADMIN, 'screenProposal', { roundId, proposalId: draft, decision: 'accept' }, 'NOT_FOUND');
    await refused(ADMIN, 'screenProposal', { roundId, proposalId: toWithdraw, decision: 'accept' });
    await refused(
      ADMIN,
      'screenProposal',
      { roundId, proposalId: accepted, decision: 'reject', note: '' },
      'INVALID_INPUT',
    );
    await demo.ok('proposals', ADMIN, 'screenProposal', {
      roundId,
      proposalId: accepted,
      decision: 'accept',
    });
    await demo.ok('proposals', ADMIN, 'screenProposal', {
      roundId,
      proposalId: sentBack,
      decision: 'request_changes',
      note: '请写明安装位置',
    });
    await demo.ok('proposals', ZHANG, 'updateProposal', {
      roundId,
      proposalId: sentBack,
      details: '东街、西巷、菜场口三处路口，每处两块卡通指示牌。',
    });
    await refused(WANG, 'vote', { roundId, proposalId: accepted });
    await refused(WANG, 'withdrawVote', { roundId, proposalId: accepted });
  });

  it('voting: nothing edited, screened or withdrawn; proposals not accepted in time have lapsed', async () => {
    await at(demo, t0, PLAN.votingFrom);
    expect(roundDoc(demo, roundId).phase).toBe('voting');
    await refused(ZHANG, 'updateProposal', { roundId, proposalId: sentBack, months: 4 });
    await refused(ZHANG, 'submitProposal', { roundId, proposalId: sentBack });
    await refused(ADMIN, 'screenProposal', { roundId, proposalId: unscreened, decision: 'accept' });
    await refused(WANG, 'withdrawProposal', { roundId, proposalId: accepted });
    await refused(WANG, 'vote', { roundId, proposalId: unscreened });
    await refused(WANG, 'vote', { roundId, proposalId: sentBack });
    const lapsed = await demo.ok('proposals', WANG, 'listProposals', {
      roundId,
      status: 'lapsed',
    });
    expect(lapsed.items.map((i) => i.id).sort()).toEqual([sentBack, unscreened].sort());
    const inVote = await demo.ok('proposals', WANG, 'listProposals', { roundId });
    expect(inVote.items).toEqual([expect.objectContaining({ id: accepted, status: 'in_vote' })]);
    await demo.ok('proposals', ZHANG, 'vote', { roundId, proposalId: accepted });
  });

  it('after the voting date no vote or withdrawal; results only after the timer tallied', async () => {
    demo.cloud.clock.advance(t0 + PLAN.votingUntil * DAY - demo.cloud.clock.now());
    await refused(WANG, 'vote', { roundId, proposalId: accepted });
    await refused(ZHANG, 'withdrawVote', { roundId, proposalId: accepted });
    await refused(ADMIN, 'publishResults', { roundId, expectedVersion: roundDoc(demo, roundId).version });
    await at(demo, t0, PLAN.votingUntil);
    expect(roundDoc(demo, roundId).phase).toBe('results');
    await refused(WANG, 'recordProgress', {
      roundId,
      proposalId: accepted,
      idempotencyKey: key(),
      progress: 1,
      note: '早',
    });
  });

  it('results: the work does not start until they are published; publishing late starts it at once', async () => {
    await at(demo, t0, PLAN.workFrom + 1);
    expect(roundDoc(demo, roundId).phase).toBe('results');
    await refused(ADMIN, 'publishResults', { roundId, expectedVersion: 0 });
    const published = await demo.ok('proposals', ADMIN, 'publishResults', {
      roundId,
      expectedVersion: roundDoc(demo, roundId).version,
    });
    expect(published.published).toBe(true);
    expect(roundDoc(demo, roundId).phase).toBe('in_progress');
    await refused(ADMIN, 'publishResults', { roundId, expectedVersion: roundDoc(demo, roundId).version });
    await refused(ADMIN, 'confirmCompletion', { roundId, proposalId: sentBack });
    await refused(ADMIN, 'updateRound', {
      roundId,
      expectedVersion: roundDoc(demo, roundId).version,
      title: '改名',
    });
  });

  it('closed: everything refused, the account stays readable', async () => {
    await demo.ok('proposals', ADMIN, 'confirmCompletion', {
      roundId,
      proposalId: accepted,
      note: '验收合格',
    });
    expect(roundDoc(demo, roundId).phase).toBe('closed');
    await refused(ADMIN, 'confirmCompletion', { roundId, proposalId: accepted });
    await refused(WANG, 'recordSpending', {
      roundId,
      proposalId: accepted,
      idempotencyKey: key(),
      item: '补录',
      amount: 10,
      receipts: [demo.cloud.storage.putFile('r/late.png', Buffer.from('png'))],
    });
    await refused(WANG, 'vote', { roundId, proposalId: accepted });
    const account = await demo.ok('proposals', 'demo-resident-li', 'accountability', {
      roundId,
    });
    expect(account.projects).toEqual([expect.objectContaining({ completed: true })]);
  });

  it('my proposals lists every one of mine with the status residents see, drafts included', async () => {
    const mine = await demo.ok('proposals', WANG, 'myProposals', {});
    const here = mine.items.filter((i) => [accepted, toWithdraw, draft].includes(i.id));
    expect(Object.fromEntries(here.map((i) => [i.id, i.status]))).toEqual({
      [accepted]: 'completed',
      [toWithdraw]: 'withdrawn',
      [draft]: 'draft',
    });
    expect(here.every((i) => i.roundPhase === 'closed')).toBe(true);
  });
});

it('a funded project records only from the work date, and not dated before voting closed or in the future', async () => {
  const t0 = demo.cloud.clock.now();
  const { id: roundId } = await makeRound(demo);
  const pid = await propose(demo, roundId, WANG, '儿童安全小课堂');
  await at(demo, t0, PLAN.screeningFrom);
  await demo.ok('proposals', ADMIN, 'screenProposal', { roundId, proposalId: pid, decision: 'accept' });
  await at(demo, t0, PLAN.votingFrom);
  await demo.ok('proposals', ZHANG, 'vote', { roundId, proposalId: pid });
  await toWork(demo, roundId, t0);
  const base = { roundId, proposalId: pid, progress: 10, note: '开课' };
  await refused(
    WANG,
    'recordProgress',
    { ...base, idempotencyKey: key(), at: new Date(t0).toISOString() },
    'INVALID_INPUT',
  );
  await refused(
    WANG,
    'recordProgress',
    { ...base, idempotencyKey: key(), at: new Date(demo.cloud.clock.now() + 2 * DAY).toISOString() },
    'INVALID_INPUT',
  );
  await demo.ok('proposals', WANG, 'recordProgress', { ...base, idempotencyKey: key() });
});
