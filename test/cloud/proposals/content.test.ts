/**
 * proposals: what residents write and upload — content checks on text and photos before anyone else sees them
 * (risky refused with nothing written; "review" held back from the public until an admin accepts), bad input
 * refused with field paths and nothing written, idempotent creates, and co-proposers' names masked for others.
 */
import { RISKY_MEDIA_MARKER } from '../../../localcloud/openapi/mediaMarker';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { at, content, key, makeRound, PLAN, schedule } from './helpers';

let demo: DemoCloud;
let roundId: string;
let t0: number;
beforeAll(async () => {
  demo = await startDemoCloud();
  t0 = demo.cloud.clock.now();
  roundId = (await makeRound(demo, { perAuthor: 5 })).id;
});
afterAll(() => demo.close());

const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';
const snapshot = () =>
  ['proposal_rounds', 'proposals', 'proposal_ballots', 'proposal_reports']
    .map((c) => JSON.stringify(demo.cloud.store.docs(c)))
    .join('\n');

/** Expects `action` refused with `code` (issues at `paths`), nothing written; unchecked: input may break the contract. */
async function refusedWith(
  openid: string,
  action: string,
  payload: Record<string, unknown>,
  code: string,
  paths?: string[],
) {
  const before = snapshot();
  const r = await demo.unchecked('proposals', openid, action, payload);
  expect(r).toMatchObject({ ok: false, error: { code } });
  if (paths && !r.ok) expect((r.error.issues ?? []).map((i) => i.path).sort()).toEqual([...paths].sort());
  expect(snapshot()).toBe(before);
}

it('refuses risky text and risky or missing photos, writing nothing', async () => {
  await refusedWith(
    WANG,
    'createProposal',
    { roundId, idempotencyKey: key(), ...content('网络赌博培训班') },
    'CONTENT_REJECTED',
  );
  const risky = demo.cloud.storage.putFile(
    'proposals/risky.png',
    Buffer.concat([Buffer.from('PNG'), Buffer.from(RISKY_MEDIA_MARKER)]),
  );
  await refusedWith(
    WANG,
    'createProposal',
    { roundId, idempotencyKey: key(), ...content('社区花园'), photos: [risky] },
    'CONTENT_REJECTED',
  );
  const missing = `cloud://mulin-local.6d75-mulin-local-1250000000/proposals/never-uploaded.png`;
  await refusedWith(
    WANG,
    'createProposal',
    { roundId, idempotencyKey: key(), ...content('社区花园'), photos: [missing] },
    'INVALID_INPUT',
    ['photos.0'],
  );
  const fine = demo.cloud.storage.putFile('proposals/garden.png', Buffer.from('PNG garden'));
  const saved = await demo.ok('proposals', WANG, 'createProposal', {
    roundId,
    idempotencyKey: key(),
    ...content('社区花园'),
    photos: [fine],
  });
  expect(saved.heldForReview).toBe(false);
  // A later save adding a risky photo is refused and leaves the proposal as it was.
  await refusedWith(
    WANG,
    'updateProposal',
    { roundId, proposalId: saved.id, photos: [fine, risky] },
    'CONTENT_REJECTED',
  );
  await refusedWith(
    WANG,
    'updateProposal',
    { roundId, proposalId: saved.id, summary: '顺便搞点网络赌博' },
    'CONTENT_REJECTED',
  );
});

it('holds text the check is unsure of from everyone but its author and the admins, until accepted', async () => {
  const held = await demo.ok('proposals', ZHANG, 'createProposal', {
    roundId,
    idempotencyKey: key(),
    ...content('邻里互助群'),
    details: '建一个互助群，有需要的老人可以加微信联系志愿者，大家轮流上门帮忙。',
  });
  expect(held.heldForReview).toBe(true);
  await demo.ok('proposals', ZHANG, 'submitProposal', { roundId, proposalId: held.id });
  const neighbour = await demo.ok('proposals', WANG, 'listProposals', {
    roundId,
  });
  expect(neighbour.items.map((i) => i.id)).not.toContain(held.id);
  expect(await demo.call('proposals', WANG, 'getProposal', { roundId, proposalId: held.id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  const admin = await demo.ok('proposals', 'demo-admin-lukou', 'listProposals', { roundId });
  expect(admin.items.find((i) => i.id === held.id)).toMatchObject({ heldForReview: true });
  await at(demo, t0, PLAN.screeningFrom);
  await demo.ok('proposals', 'demo-admin-lukou', 'screenProposal', {
    roundId,
    proposalId: held.id,
    decision: 'accept',
  });
  const after = await demo.ok('proposals', WANG, 'listProposals', {
    roundId,
  });
  expect(after.items.find((i) => i.id === held.id)).toBeDefined();
  expect(after.items.find((i) => i.id === held.id)).not.toHaveProperty('heldForReview');
});

it('refuses bad input with field paths, writing nothing', async () => {
  const { id: open } = await makeRound(demo);
  await refusedWith(
    WANG,
    'createProposal',
    { roundId: open, idempotencyKey: key(), ...content('儿童安全小课堂', 3000), budget: 3500 },
    'INVALID_INPUT',
    ['budget'],
  );
  await refusedWith(
    WANG,
    'createProposal',
    {
      roundId: open,
      idempotencyKey: key(),
      title: '',
      months: 0,
      budgetLines: [{ item: '材料', amount: -5 }],
      photos: ['http://example.com/a.png'],
      surprise: true,
    },
    'INVALID_INPUT',
    ['title', 'months', 'budgetLines.0.amount', 'photos.0', 'surprise'],
  );
  await refusedWith(WANG, 'createProposal', { roundId: open, title: '没有幂等键' }, 'INVALID_INPUT', [
    'idempotencyKey',
  ]);
  const bad = schedule(demo);
  await refusedWith(
    'demo-admin-lukou',
    'createRound',
    {
      idempotencyKey: key(),
      scopeId: 'jn-lukou',
      title: '时间乱了的一期',
      totalBudget: 5000,
      maxBudget: 8000,
      schedule: { ...bad, votingUntil: bad.screeningFrom },
    },
    'INVALID_INPUT',
    ['maxBudget', 'schedule.votingUntil'],
  );
});

it('makes one round and one proposal per idempotency key, however often the tap is retried', async () => {
  const k = key('retry');
  const payload = {
    idempotencyKey: k,
    scopeId: 'jn-lukou',
    title: '重试的一期',
    totalBudget: 10000,
    schedule: schedule(demo),
  };
  const first = await demo.call('proposals', 'demo-admin-lukou', 'createRound', payload);
  const again = await demo.call('proposals', 'demo-admin-lukou', 'createRound', payload);
  expect(first.ok && again.ok && first.data.id === again.data.id).toBe(true);
  expect(again.roundTrips).toBe(2);
  expect(demo.cloud.store.docs('proposal_rounds').filter((r) => r.title === '重试的一期')).toHaveLength(1);
  const roundId2 = first.ok ? first.data.id : '';
  const pk = key('p');
  const a = await demo.ok('proposals', WANG, 'createProposal', {
    roundId: roundId2,
    idempotencyKey: pk,
    title: '重试的提案',
  });
  const b = await demo.ok('proposals', WANG, 'createProposal', {
    roundId: roundId2,
    idempotencyKey: pk,
    title: '重试的提案',
  });
  expect(a.id).toBe(b.id);
  expect(demo.cloud.store.docs('proposals').filter((p) => p.roundId === roundId2)).toHaveLength(1);
});

it('masks co-proposers for everyone but the author and admins', async () => {
  const { id: r } = await makeRound(demo);
  const saved = await demo.ok('proposals', WANG, 'createProposal', {
    roundId: r,
    idempotencyKey: key(),
    ...content('老人智能手机课'),
    coProposers: ['李秀兰', '赵建国'],
  });
  await demo.ok('proposals', WANG, 'submitProposal', { roundId: r, proposalId: saved.id });
  const get = (who: string) => demo.ok('proposals', who, 'getProposal', { roundId: r, proposalId: saved.id });
  expect((await get(WANG)).coProposers).toEqual(['李秀兰', '赵建国']);
  expect((await get('demo-admin-lukou')).coProposers).toEqual(['李秀兰', '赵建国']);
  expect((await get(ZHANG)).coProposers).toEqual(['李*', '赵*']);
  const raw = JSON.stringify(
    await demo.call('proposals', ZHANG, 'getProposal', { roundId: r, proposalId: saved.id }),
  );
  expect(raw).not.toContain('李秀兰');
  expect(raw).not.toContain(WANG);
});
