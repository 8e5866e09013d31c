/**
 * The proposals demo data: seeded through the real functions, one round in each phase, with realistic proposals,
 * votes, results and accounts — and the cloud's clock put back where it was. Checked in the whole demo as `npm
 * start` seeds it (the run's shared seed, seed/template.ts), not in a second seed of its own.
 */
import { partSummary, startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
let summary: string;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  summary = partSummary(demo, 'proposals');
}, 180_000);
afterAll(() => demo.close());

const rounds = () =>
  demo.cloud.store.docs('proposal_rounds') as unknown as { _id: string; title: string; phase: string }[];
const byPhase = (phase: string) => rounds().find((r) => r.phase === phase)!;

it('makes one round in each phase and puts the clock back', () => {
  expect(summary).toMatch(/^7 proposal rounds/);
  expect(
    rounds()
      .map((r) => r.phase)
      .sort(),
  ).toEqual(['closed', 'collecting', 'in_progress', 'results', 'screening', 'upcoming', 'voting'].sort());
  expect(demo.cloud.clock.offset()).toBe(0);
});

it('has the closed round fully accounted for, with receipts', async () => {
  const closed = byPhase('closed');
  const account = await demo.ok('proposals', 'demo-resident-li', 'accountability', { roundId: closed._id });
  expect(account.sums).toMatchObject({ projects: 3, completed: 3, awarded: 13000 });
  expect(account.projects.map((p) => p.title).sort()).toEqual(
    ['儿童安全小课堂', '村巷卡通指示牌', '老人智能手机课'].sort(),
  );
  expect(account.projects.every((p) => p.progress === 100 && p.spent > 0)).toBe(true);
});

it('leaves the current vote open for 王奶奶 and 张明, and the results waiting for the 秣陵 admin', async () => {
  const voting = byPhase('voting');
  for (const who of ['demo-resident-wang', 'demo-resident-zhang']) {
    const r = await demo.ok('proposals', who, 'getRound', {
      roundId: voting._id,
    });
    expect(r.me).toMatchObject({ canVote: true, ballot: { used: 0 } });
  }
  const results = await demo.ok('proposals', 'demo-admin-moling', 'getRound', {
    roundId: byPhase('results')._id,
  });
  expect(results.results!.published).toBe(false);
  expect(results.results!.entries.map((e) => e.votes)).toEqual([11, 11, 4]);
});

it('has work to screen in 东山 and a draft waiting in 禄口社区', async () => {
  const queue = await demo.ok('proposals', 'demo-admin-dongshan', 'getRound', {
    roundId: byPhase('screening')._id,
  });
  expect(queue.counts).toEqual({ submitted: 1, changes_requested: 1 });
  const mine = await demo.ok('proposals', 'demo-resident-zhang', 'myProposals', {});
  expect(mine.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ title: '四点半课堂读书角', status: 'draft' })]),
  );
});
