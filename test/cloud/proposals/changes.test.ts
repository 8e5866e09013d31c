/**
 * proposals: a funded project abandoned or reduced by its author with an admin's approval, through the local cloud
 * — the request (idempotent, one pending at a time, never below what is spent), who may ask and decide (nothing
 * written otherwise), two admins approving at once returning the money once, the public account showing what went
 * back (awarded at the vote = current budgets + returned), supporters and the proposer told, an abandoned account
 * sealed, and abandoning the last open project leaving completion to close the round.
 */
import type { ActionInput, ActionName } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { insertResidents, key, roundDoc, roundInVoting, toWork } from './helpers';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
});
afterAll(() => demo.close());

const ADMIN = 'demo-admin-lukou';
const OTHER_ADMIN = 'demo-admin-moling';
const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';

const snapshot = () => JSON.stringify(demo.cloud.store.docs('proposal_rounds'));
async function refused<A extends ActionName<'proposals'>>(
  openid: string,
  action: A,
  payload: ActionInput<'proposals', A>,
  code: string,
) {
  const before = snapshot();
  const r = await demo.call('proposals', openid, action, payload);
  expect({ action, openid, r }).toMatchObject({ action, openid, r: { ok: false, error: { code } } });
  expect(snapshot()).toBe(before);
}

it('reduces and abandons funded projects with the admin approval, returning the unspent budget once', async () => {
  const { roundId, ids, t0 } = await roundInVoting(demo, [
    { openid: WANG, title: '楼道读书角', budget: 3000 },
    { openid: ZHANG, title: '老人手机课堂', budget: 4000 },
  ]);
  const [books, phones] = ids as [string, string];
  const voters = insertResidents(demo, 'chg', 3);
  for (const v of voters) await demo.ok('proposals', v, 'vote', { roundId, proposalId: books });
  await demo.ok('proposals', voters[0]!, 'vote', { roundId, proposalId: phones });
  await toWork(demo, roundId, t0);
  await demo.ok('proposals', WANG, 'recordSpending', {
    roundId,
    proposalId: books,
    idempotencyKey: key('s'),
    item: '书架',
    amount: 800.5,
    receipts: [demo.cloud.storage.putFile('receipts/shelf.png', Buffer.from('PNG receipt'))],
  });
  const ref = { roundId, proposalId: books };

  // Who may ask, and what: nothing written otherwise.
  const ask = {
    ...ref,
    idempotencyKey: key('c'),
    kind: 'reduce' as const,
    budget: 2000,
    reason: '书架捐赠减少了开支',
  };
  await refused(ZHANG, 'requestChange', ask, 'FORBIDDEN');
  await refused(ADMIN, 'requestChange', ask, 'FORBIDDEN');
  await refused(WANG, 'requestChange', { ...ask, budget: 3000 }, 'INVALID_INPUT');
  await refused(WANG, 'requestChange', { ...ask, budget: 800 }, 'INVALID_INPUT'); // below 800.5 spent
  await refused(WANG, 'requestChange', { ...ask, budget: undefined }, 'INVALID_INPUT');
  await refused(WANG, 'requestChange', { ...ask, reason: '' }, 'INVALID_INPUT');
  await refused(WANG, 'requestChange', { ...ask, userId: 'x' } as typeof ask, 'INVALID_INPUT');

  // The request: a retried tap is the same request; a second one waits for the first.
  const [r1, r2] = await Promise.all([
    demo.ok('proposals', WANG, 'requestChange', ask),
    demo.ok('proposals', WANG, 'requestChange', ask),
  ]);
  expect(r2).toEqual(r1);
  expect(r1).toMatchObject({ status: 'pending', label: '预算缩减为 2000 元', statusLabel: '等待管理员审批' });
  await refused(WANG, 'requestChange', { ...ask, idempotencyKey: key('c'), kind: 'abandon' }, 'CONFLICT');
  const detail = await demo.ok('proposals', WANG, 'getProposal', ref);
  expect(detail.change).toMatchObject({ canRequest: false, latest: { id: r1.id, status: 'pending' } });
  expect((await demo.ok('proposals', voters[1]!, 'getProposal', ref)).change?.latest).toBeUndefined();

  // The admin sees it where they manage the round; others may not decide.
  await refused(WANG, 'pendingChanges', { roundId }, 'FORBIDDEN');
  expect((await demo.ok('proposals', ADMIN, 'pendingChanges', { roundId })).items).toEqual([
    expect.objectContaining({ id: r1.id, title: '楼道读书角', reason: '书架捐赠减少了开支' }),
  ]);
  const decide = { ...ref, changeId: r1.id, decision: 'approve' as const, note: '同意' };
  await refused(OTHER_ADMIN, 'decideChange', decide, 'FORBIDDEN');
  await refused(WANG, 'decideChange', decide, 'FORBIDDEN');
  await refused(ADMIN, 'decideChange', { ...decide, changeId: 'nope' }, 'NOT_FOUND');

  // Two approvals at once: the money returns once.
  const [a1, a2] = await Promise.all([
    demo.call('proposals', ADMIN, 'decideChange', decide),
    demo.call('proposals', ADMIN, 'decideChange', decide),
  ]);
  expect(a1).toMatchObject({ ok: true, data: { status: 'approved', returned: 1000 } });
  expect(a2).toMatchObject({ ok: true, data: { status: 'approved', returned: 1000 } });
  // The winner: the read (caller, supporters' addresses), the update, the messages kept; the loser reads again.
  expect(a1.roundTrips).toBeLessThanOrEqual(3);
  await refused(ADMIN, 'decideChange', { ...decide, decision: 'refuse' }, 'CONFLICT');
  const changes = roundDoc(demo, roundId).changes as { status: string }[];
  expect(changes.filter((c) => c.status === 'approved')).toHaveLength(1);

  // Supporters and the proposer are told, once.
  const told = demo.cloud.outbox.list({ templateId: 'local-proposal_changed' }).map((m) => m.touser);
  expect(told.sort()).toEqual([...voters].sort());
  expect(demo.cloud.outbox.list({ touser: WANG, templateId: 'local-proposal_change_decided' })).toHaveLength(
    1,
  );

  // ZHANG abandons: refused first (asks again), then approved; what was not spent goes back.
  const zref = { roundId, proposalId: phones };
  await demo.ok('proposals', ZHANG, 'recordSpending', {
    ...zref,
    idempotencyKey: key('s'),
    item: '教材',
    amount: 300,
    receipts: [demo.cloud.storage.putFile('receipts/book.png', Buffer.from('PNG receipt'))],
  });
  const stop = { ...zref, kind: 'abandon' as const, reason: '讲师无法继续授课' };
  const s1 = await demo.ok('proposals', ZHANG, 'requestChange', { ...stop, idempotencyKey: key('c') });
  const no = await demo.ok('proposals', ADMIN, 'decideChange', {
    ...zref,
    changeId: s1.id,
    decision: 'refuse',
    note: '请先找替代讲师',
  });
  expect(no).toMatchObject({ status: 'refused', statusLabel: '未同意' });
  expect((await demo.ok('proposals', ZHANG, 'getProposal', zref)).change).toMatchObject({
    canRequest: true,
    latest: { status: 'refused', note: '请先找替代讲师' },
  });
  const s2 = await demo.ok('proposals', ZHANG, 'requestChange', { ...stop, idempotencyKey: key('c') });
  await demo.ok('proposals', ADMIN, 'decideChange', { ...zref, changeId: s2.id, decision: 'approve' });
  expect(demo.cloud.outbox.list({ touser: voters[0], templateId: 'local-proposal_changed' })).toHaveLength(2);

  // The public account: what went back is shown; awarded at the vote = current budgets + returned.
  const account = await demo.ok('proposals', voters[2]!, 'accountability', { roundId });
  expect(account.sums).toMatchObject({ awarded: 2000 + 300, returned: 1000 + 3700 });
  expect(account.sums.awarded + account.sums.returned).toBe(3000 + 4000);
  expect(account.projects.find((p) => p.proposalId === phones)).toMatchObject({
    abandoned: true,
    returned: 3700,
    budget: 300,
    left: 0,
  });
  expect(account.projects.find((p) => p.proposalId === books)).toMatchObject({
    abandoned: false,
    returned: 1000,
    budget: 2000,
    spent: 800.5,
    left: 1199.5,
  });
  const pub = await demo.ok('proposals', voters[2]!, 'getProposal', zref);
  expect(pub.change).toMatchObject({ abandoned: true, returned: 3700, latest: { status: 'approved' } });
  expect(pub.can.report).toBe(false);

  // The abandoned account is sealed; completing the other closes the round.
  await refused(
    ZHANG,
    'recordProgress',
    { ...zref, idempotencyKey: key('p'), progress: 50, note: '补充' },
    'CONFLICT',
  );
  await refused(ADMIN, 'confirmCompletion', { ...zref, note: '' }, 'CONFLICT');
  await refused(ZHANG, 'requestChange', { ...stop, idempotencyKey: key('c') }, 'CONFLICT');
  const done = await demo.ok('proposals', ADMIN, 'confirmCompletion', { ...ref, note: '验收合格' });
  expect(done.roundClosed).toBe(true);
});
