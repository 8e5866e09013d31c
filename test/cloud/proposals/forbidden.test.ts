/**
 * proposals: who may do what, per role, through the local cloud — each refusal FORBIDDEN (or NOT_FOUND where
 * existence is not the caller's business) and nothing written. Admins are scoped to a place: an admin of another
 * street, or of one community, is not an admin of a street's round. Residents take part only where they live.
 * Provider staff are residents, never admins. Identity comes only from WeChat.
 */
import type { ActionInput, ActionName } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { at, insertResidents, key, makeRound, PLAN, propose, roundDoc, schedule } from './helpers';

let demo: DemoCloud;
const ADMIN = 'demo-admin-lukou';
const WANG = 'demo-resident-wang';
let communityAdmin: string;
let noCommunity: string;

const snapshot = () =>
  ['proposal_rounds', 'proposals', 'proposal_ballots', 'proposal_reports']
    .map((c) => JSON.stringify(demo.cloud.store.docs(c)))
    .join('\n');

async function forbidden<A extends ActionName<'proposals'>>(
  openid: string,
  action: A,
  payload: ActionInput<'proposals', A>,
  code = 'FORBIDDEN',
) {
  const before = snapshot();
  const r = await demo.call('proposals', openid, action, payload);
  expect({ who: openid, action, r }).toMatchObject({
    who: openid,
    action,
    r: { ok: false, error: { code } },
  });
  expect(snapshot()).toBe(before);
}

beforeAll(async () => {
  demo = await startDemoCloud();
  // An admin of one community of 禄口 (新桥), appointed by the street admin.
  [communityAdmin] = insertResidents(demo, 'xq-admin', 1, 'jn-lukou-xinqiao');
  await demo.ok('account', ADMIN, 'grantRole', {
    targetUserId: 'xq-admin-0',
    targetRole: 'admin',
    scopeId: 'jn-lukou-xinqiao',
  });
  [noCommunity] = insertResidents(demo, 'nowhere', 1);
  demo.cloud.store.update(
    'users',
    { _id: 'nowhere-0' },
    { $set: { placePath: [] }, $unset: { communityId: '' } },
    { multi: false },
  );
});
afterAll(() => demo.close());

const OUTSIDERS = [
  ['resident of another street', 'demo-resident-li'],
  ['resident of another street (东山)', 'demo-resident-chen'],
  ['provider staff of another street', 'demo-staff-hongye-1'],
  ['admin of another street', 'demo-admin-moling'],
] as const;
const NOT_ADMINS = [
  ['resident of the street', 'demo-resident-zhang'],
  ['80+ resident of the street', WANG],
  ['provider staff living in the street', 'demo-staff-xinyuan-1'],
  ['admin of another street', 'demo-admin-moling'],
  ['admin of another street (东山)', 'demo-admin-dongshan'],
] as const;

describe('creating rounds', () => {
  it('is for admins of the place (street or community) only', async () => {
    const round = {
      idempotencyKey: key(),
      scopeId: 'jn-lukou',
      title: '越权的一期',
      totalBudget: 10000,
      schedule: schedule(demo),
    };
    for (const [, who] of NOT_ADMINS)
      await forbidden(who, 'createRound', { ...round, idempotencyKey: key() });
    // A community admin may not open a round for the whole street, only for their community.
    await forbidden(communityAdmin, 'createRound', { ...round, idempotencyKey: key() });
    await demo.ok('proposals', communityAdmin, 'createRound', {
      ...round,
      idempotencyKey: key(),
      scopeId: 'jn-lukou-xinqiao',
    });
    // Rounds are for a street or a community, not the district.
    await forbidden('demo-admin-jiangning', 'createRound', { ...round, scopeId: 'jn' }, 'INVALID_INPUT');
  });
});

describe('one round, phase by phase', () => {
  let roundId: string;
  let t0: number;
  let pid: string;
  let draft: string;
  beforeAll(async () => {
    t0 = demo.cloud.clock.now();
    roundId = (await makeRound(demo)).id;
    pid = await propose(demo, roundId, WANG, '儿童安全小课堂');
    draft = (
      await demo.ok('proposals', WANG, 'createProposal', {
        roundId,
        idempotencyKey: key(),
        title: '草稿一份',
      })
    ).id;
  });

  it('collecting: outsiders cannot propose; nobody but the author edits, submits, withdraws or deletes', async () => {
    for (const [, who] of OUTSIDERS)
      await forbidden(who, 'createProposal', { roundId, idempotencyKey: key(), title: '外街道的提案' });
    await forbidden(noCommunity, 'createProposal', { roundId, idempotencyKey: key(), title: '还没选社区' });
    await forbidden(
      'never-logged-in',
      'createProposal',
      { roundId, idempotencyKey: key(), title: '没登录' },
      'UNAUTHENTICATED',
    );
    for (const who of ['demo-resident-zhang', ADMIN, 'demo-admin-jiangning']) {
      await forbidden(who, 'updateProposal', { roundId, proposalId: pid, title: '别人改的标题' });
      // A draft is nobody else's business: not even its existence.
      await forbidden(who, 'submitProposal', { roundId, proposalId: draft }, 'NOT_FOUND');
      await forbidden(
        who,
        'updateProposal',
        { roundId, proposalId: draft, title: '改别人的草稿' },
        'NOT_FOUND',
      );
      await forbidden(who, 'withdrawProposal', { roundId, proposalId: pid });
      await forbidden(who, 'deleteDraft', { roundId, proposalId: draft }, 'NOT_FOUND');
    }
  });

  it('screening and round settings: admins of the scope only (not of another street, not of one community)', async () => {
    await at(demo, t0, PLAN.screeningFrom);
    const version = roundDoc(demo, roundId).version;
    for (const [, who] of [...NOT_ADMINS, ['community admin', communityAdmin] as const]) {
      await forbidden(who, 'screenProposal', { roundId, proposalId: pid, decision: 'accept' });
      await forbidden(who, 'updateRound', { roundId, expectedVersion: version, title: '越权改名' });
    }
    // The district admin is an admin of every street.
    await demo.ok('proposals', 'demo-admin-jiangning', 'screenProposal', {
      roundId,
      proposalId: pid,
      decision: 'accept',
    });
  });

  it('voting: residents of the scope only; the identity is WeChat’s, never the event’s', async () => {
    await at(demo, t0, PLAN.votingFrom);
    for (const [, who] of OUTSIDERS) await forbidden(who, 'vote', { roundId, proposalId: pid });
    await forbidden(noCommunity, 'vote', { roundId, proposalId: pid });
    for (const field of ['openid', 'userId', 'role']) {
      await forbidden(
        'demo-resident-li',
        'vote',
        { roundId, proposalId: pid, [field]: 'demo-resident-zhang' },
        'INVALID_INPUT',
      );
    }
    // Staff who live in the street vote as the residents they are.
    await demo.ok('proposals', 'demo-staff-xinyuan-1', 'vote', { roundId, proposalId: pid });
  });

  it('results: published by admins of the scope only', async () => {
    await at(demo, t0, PLAN.votingUntil);
    const version = roundDoc(demo, roundId).version;
    for (const [, who] of [...NOT_ADMINS, ['community admin', communityAdmin] as const])
      await forbidden(who, 'publishResults', { roundId, expectedVersion: version });
    await demo.ok('proposals', ADMIN, 'publishResults', { roundId, expectedVersion: version });
    await at(demo, t0, PLAN.workFrom);
  });

  it('accounts: the proposer or an admin records; admins confirm; anyone reads', async () => {
    const receipt = demo.cloud.storage.putFile('receipts/f.png', Buffer.from('png'));
    for (const [, who] of [
      ...NOT_ADMINS.filter(([, w]) => w !== WANG),
      ['community admin', communityAdmin] as const,
    ]) {
      await forbidden(who, 'recordProgress', {
        roundId,
        proposalId: pid,
        idempotencyKey: key(),
        progress: 10,
        note: '越权',
      });
      await forbidden(who, 'recordSpending', {
        roundId,
        proposalId: pid,
        idempotencyKey: key(),
        item: '越权',
        amount: 1,
        receipts: [receipt],
      });
      await forbidden(who, 'confirmCompletion', { roundId, proposalId: pid });
    }
    await forbidden(WANG, 'confirmCompletion', { roundId, proposalId: pid });
    await demo.ok('proposals', WANG, 'recordProgress', {
      roundId,
      proposalId: pid,
      idempotencyKey: key(),
      progress: 10,
      note: '开课了',
    });
    const pub = await demo.ok('proposals', 'demo-resident-chen', 'accountability', {
      roundId,
      proposalId: pid,
    });
    expect(pub).toMatchObject({ projects: [expect.anything()], canReport: false });
  });
});
