/**
 * 项目申报 and 评审打分 against the real projects function: an admitted organization's staff fill in the bid,
 * save a draft, are told under the field what is missing when submitting too early, and submit; after the
 * deadline a reviewer declares a conflict first (then never sees that bid), scores the other on every criterion
 * with comments, and corrects it with a reason — a new record, the first kept.
 */
import { loadPage, input, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import {
  allPassed,
  application,
  bid,
  LUKOU_ADMIN,
  LUKOU_STREET,
  makeMediationOrg,
  REVIEWERS,
  TIAOJIE,
  userId,
  ventureCall,
  XINYUAN,
} from '../../cloud/projects/helpers';

const BID = 'packages/projects/pages/bid/index';
const REVIEW = 'packages/projects/pages/review/index';
const DAY = 86_400_000;

let demo: DemoCloud;
let callId: string;
let orgs: { xinyuan: string; tiaojie: string };
beforeAll(async () => {
  demo = await startPageCloud(XINYUAN);
  orgs = { xinyuan: demo.seed.orgIds.xinyuan, tiaojie: await makeMediationOrg(demo) };
  for (const [who, org] of [
    [XINYUAN, orgs.xinyuan],
    [TIAOJIE, orgs.tiaojie],
  ] as const)
    await demo.ok('projects', who, 'applyToPool', application(demo, who, org));
  const checklist = await allPassed(demo);
  const entries = await demo.ok('projects', LUKOU_ADMIN, 'poolEntries', { streetId: LUKOU_STREET });
  for (const e of entries.items)
    await demo.ok('projects', LUKOU_ADMIN, 'assessPool', { entryId: e.id, checklist, admit: true });
  callId = (await demo.ok('projects', LUKOU_ADMIN, 'publishCall', ventureCall(demo))).id;
});
afterAll(() => demo.close());

const myBid = () => demo.cloud.store.docs('project_bids').find((b) => b.orgId === orgs.xinyuan);

it('drafts, is told what is missing, then submits the bid', async () => {
  switchUser(XINYUAN);
  const page = await loadPage(BID, { callId, orgId: orgs.xinyuan });
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#call')).toContain('2027年禄口街道公益创投');
  await input(page, '#plan', '先写个开头');
  await input(page, '#line-label-0', '人员费用');
  await input(page, '#line-yuan-0', '48000');
  await tap(page, '#save');
  await waitFor(() => page.data.saved);
  expect(myBid()).toMatchObject({ status: 'draft', totalFen: 4_800_000, plan: '先写个开头' });

  await tap(page, '#submit');
  await waitFor(() => page.data.banner);
  expect(textOf(page, '#plan-error')).toBe('服务方案至少写 20 个字');
  expect(myBid()!.status).toBe('draft');

  await input(
    page,
    '#plan',
    '每周五天为辖区高龄独居老人送餐到户，每月电话回访，满意度低于九成的线路当月整改。',
  );
  await input(page, '#target-0', '2400');
  await input(page, '#target-1', '93');
  await input(page, '#member-name-0', '林晓燕');
  await input(page, '#member-role-0', '项目负责人');
  await tap(page, '#submit');
  await waitFor(() => page.data.saved);
  expect(textOf(page, '#saved')).toBe('已提交申报，截止前还可以修改');
  expect(myBid()).toMatchObject({
    status: 'submitted',
    targets: [
      { key: 'orders', target: 2400 },
      { key: 'satisfaction', target: 93 },
    ],
    team: [{ name: '林晓燕', role: '项目负责人', qualification: '' }],
  });
});

it('declares a conflict first, scores the other bid, and corrects it with a reason', async () => {
  await demo.ok('projects', TIAOJIE, 'saveBid', bid(callId, orgs.tiaojie, 60_000));
  demo.cloud.clock.advance(8 * DAY);
  const decisions = demo.cloud.store
    .docs('project_bids')
    .map((b) => ({ bidId: String(b._id), passed: true }));
  await demo.ok('projects', LUKOU_ADMIN, 'prequalify', { callId, decisions });

  const reviewer = REVIEWERS[1]!;
  switchUser(reviewer);
  const page = await loadPage(REVIEW, { callId });
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#orgs')).toContain('心苑社会工作服务中心');
  const xinyuan = page.data.sheet!.organizations.findIndex((o: { id: string }) => o.id === orgs.xinyuan);
  await tap(page, `#org-${xinyuan}`);
  await tap(page, '#declare');
  await waitFor(() => page.data.sheet?.declared);
  expect(page.data.sheet!.bids).toHaveLength(1);
  expect(textOf(page, '#bid-0')).toMatch(/^方案[一二]/);
  expect(textOf(page, '#conflicted')).toBe('您已回避 1 家机构的申报');

  await tap(page, '#score-0');
  for (let i = 0; i < 3; i++) {
    for (let n = 0; n < 8; n++) await tap(page, `#score-${i}`, '[class*="t-stepper__plus"]');
    await input(page, `#comment-${i}`, '方案扎实，可以落地');
  }
  await tap(page, '#send');
  await waitFor(() => page.data.open === -1 && page.data.sheet?.bids[0]?.mine);
  const scores = () =>
    demo.cloud.store.docs('project_scores').filter((s) => s.reviewerId === userId(demo, reviewer));
  expect(scores().map((s) => s.total)).toEqual([80]);
  expect(textOf(page, '#bid-0')).toContain('80 分');

  await tap(page, '#score-0');
  await tap(page, '#score-2', '[class*="t-stepper__minus"]');
  await tap(page, '#send');
  await waitFor(() => page.data.banner);
  expect(page.data.errors.reason).toBe('更正评分请写明原因');
  await input(page, '#reason', '预算一项复核后下调');
  await tap(page, '#send');
  await waitFor(() => page.data.open === -1 && page.data.sheet?.bids[0]?.mine?.total === 77);
  expect(
    scores()
      .map((s) => [s.n, s.total, s.reason ?? ''])
      .sort(),
  ).toEqual([
    [1, 80, ''],
    [2, 77, '预算一项复核后下调'],
  ]);
});
