/**
 * projects through the local cloud with the real SDK, step by step per role — pool, call, bids, prequalification,
 * review, award, complaints, contracts — with the forbidden paths (a 秣陵 admin on 禄口's call, staff of another
 * organization, an organization not admitted), the sealed, blind and conflict rules, invalid input writing
 * nothing, and two admins awarding or making contracts at once. Every call is held to ≤ 3 round trips.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import type { ActionArgs, ActionName, ActionResult } from '../../../cloudfunctions/manifest';
import type { Reply } from '../../../cloudfunctions/common/reply';
import type { ContractDoc } from '../../../cloudfunctions/projects/documents';
import {
  allPassed,
  application,
  bid,
  DISTRICT_ADMIN,
  HONGYE,
  LUKOU_ADMIN,
  LUKOU_STREET,
  makeMediationOrg,
  MOLING_ADMIN,
  REVIEWERS,
  sheet,
  TIAOJIE,
  userId,
  ventureCall,
  XINYUAN,
} from './helpers';

const DAY = 86_400_000;
let demo: DemoCloud;
let orgs: { xinyuan: string; hongye: string; tiaojie: string };
/** The most round trips each action took in this file (every call is counted). */
const most = new Map<string, number>();
beforeAll(async () => {
  demo = await startDemoCloud();
  orgs = {
    xinyuan: demo.seed.orgIds.xinyuan,
    hongye: demo.seed.orgIds.hongye,
    tiaojie: await makeMediationOrg(demo),
  };
});
afterAll(() => demo.close());

/** A projects call, its round trips recorded (the most is asserted ≤ 3 at the end). */
async function p<A extends ActionName<'projects'>>(
  who: string,
  action: A,
  ...input: ActionArgs<'projects', A>
): Promise<Reply<ActionResult<'projects', A>>> {
  const r = await demo.call('projects', who, action, ...input);
  most.set(action, Math.max(most.get(action) ?? 0, r.roundTrips));
  return r;
}
async function ok<A extends ActionName<'projects'>>(
  who: string,
  action: A,
  ...input: ActionArgs<'projects', A>
): Promise<ActionResult<'projects', A>> {
  const r = await p(who, action, ...input);
  if (!r.ok) throw new Error(`${action} as ${who}: ${r.error.code} ${r.error.message}`);
  return r.data;
}
const code = (r: Reply<unknown>) => (r.ok ? 'OK' : r.error.code);
const count = (coll: string) => demo.cloud.store.docs(coll).length;

let callId: string;
const bids: Record<string, string> = {};

describe('the qualified pool', () => {
  test('each street sets its own checklist (defaults until then); a 秣陵 admin cannot set 禄口’s', async () => {
    const first = await ok(LUKOU_ADMIN, 'poolChecklist', {});
    expect(first).toMatchObject({ streetId: LUKOU_STREET, isDefault: true });
    const items = [...first.items, { key: 'safety', label: '有服务安全预案和保险' }];
    expect(code(await p(MOLING_ADMIN, 'setPoolChecklist', { streetId: LUKOU_STREET, items }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await p(XINYUAN, 'poolChecklist', {}))).toBe('FORBIDDEN');
    await ok(LUKOU_ADMIN, 'setPoolChecklist', { streetId: LUKOU_STREET, items });
    expect((await ok(LUKOU_ADMIN, 'poolChecklist', { streetId: LUKOU_STREET })).items).toHaveLength(
      items.length,
    );
  });

  test('staff apply with their own documents; someone else’s upload or another org is refused, nothing written', async () => {
    const foreign = application(demo, XINYUAN, orgs.xinyuan, {
      documents: [{ name: '证书', fileId: `cloud://demo.bucket/projects/${userId(demo, HONGYE)}/x.pdf` }],
    });
    expect(code(await p(XINYUAN, 'applyToPool', foreign))).toBe('INVALID_INPUT');
    expect(code(await p(HONGYE, 'applyToPool', application(demo, HONGYE, orgs.xinyuan)))).toBe('FORBIDDEN');
    expect(count('project_pool')).toBe(0);
    const e = await ok(XINYUAN, 'applyToPool', application(demo, XINYUAN, orgs.xinyuan));
    expect(e).toMatchObject({ status: 'applied', statusText: '待评估', credit: 80, streetName: '禄口街道' });
    expect(
      code(await p(XINYUAN, 'applyToPool', application(demo, XINYUAN, orgs.xinyuan, { foundedYear: 2016 }))),
    ).toBe('OK');
    await ok(HONGYE, 'applyToPool', application(demo, HONGYE, orgs.hongye));
    await ok(TIAOJIE, 'applyToPool', application(demo, TIAOJIE, orgs.tiaojie));
    const mine = await ok(XINYUAN, 'myPool', {});
    expect(mine.entries.map((x) => x.orgName)).toEqual(['心苑社会工作服务中心']);
  });

  test('a 秣陵 admin cannot see or assess 禄口’s pool; the 禄口 admin assesses against the checklist', async () => {
    expect(code(await p(MOLING_ADMIN, 'poolEntries', { streetId: LUKOU_STREET }))).toBe('FORBIDDEN');
    const list = await ok(LUKOU_ADMIN, 'poolEntries', { streetId: LUKOU_STREET, status: 'applied' });
    expect(list.items).toHaveLength(3);
    const id = (orgId: string) => list.items.find((x) => x.orgId === orgId)!.id;
    const checklist = await allPassed(demo);
    expect(
      code(await p(MOLING_ADMIN, 'assessPool', { entryId: id(orgs.xinyuan), checklist, admit: true })),
    ).toBe('FORBIDDEN');
    // An item unanswered, or admitting with a failed item: refused, nothing written.
    const before = JSON.stringify(demo.cloud.store.docs('project_pool'));
    expect(
      code(
        await p(LUKOU_ADMIN, 'assessPool', {
          entryId: id(orgs.xinyuan),
          checklist: checklist.slice(1),
          admit: true,
        }),
      ),
    ).toBe('INVALID_INPUT');
    const failed = checklist.map((c, i) => ({ ...c, passed: i !== 0 }));
    expect(
      code(await p(LUKOU_ADMIN, 'assessPool', { entryId: id(orgs.xinyuan), checklist: failed, admit: true })),
    ).toBe('INVALID_INPUT');
    expect(
      code(await p(LUKOU_ADMIN, 'assessPool', { entryId: id(orgs.hongye), checklist: failed, admit: false })),
    ).toBe('INVALID_INPUT');
    expect(JSON.stringify(demo.cloud.store.docs('project_pool'))).toBe(before);

    await ok(LUKOU_ADMIN, 'assessPool', { entryId: id(orgs.xinyuan), checklist, admit: true });
    await ok(LUKOU_ADMIN, 'assessPool', { entryId: id(orgs.tiaojie), checklist, admit: true });
    const rejected = await ok(LUKOU_ADMIN, 'assessPool', {
      entryId: id(orgs.hongye),
      checklist: failed,
      admit: false,
      reason: '年检报告未提交',
    });
    expect(rejected).toMatchObject({ status: 'rejected', statusText: '未通过' });
    expect(rejected.history[0]).toMatchObject({ reason: '年检报告未提交' });
    expect(
      code(await p(LUKOU_ADMIN, 'assessPool', { entryId: id(orgs.xinyuan), checklist, admit: true })),
    ).toBe('CONFLICT');
    const told = demo.cloud.outbox.list({ templateId: 'local-project_pool' }).map((m) => m.touser);
    expect(told).toEqual(expect.arrayContaining([XINYUAN, 'demo-staff-xinyuan-2', HONGYE, TIAOJIE]));
  });

  test('a rejected organization may apply again; the history keeps both', async () => {
    const again = await ok(
      HONGYE,
      'applyToPool',
      application(demo, HONGYE, orgs.hongye, { foundedYear: 2012 }),
    );
    expect(again.status).toBe('applied');
    expect(again.history.map((h) => h.text.split('（')[0])).toEqual([
      '重新提交申请',
      '评估未通过',
      '提交入库申请',
    ]);
  });
});

describe('a call and its bids', () => {
  test('the editor reads the street’s communities and its demand list', async () => {
    const form = await ok(LUKOU_ADMIN, 'callForm', {});
    expect(form.communities.map((c) => c.name)).toContain('禄口社区');
    expect(Array.isArray(await ok(LUKOU_ADMIN, 'demandList', {}))).toBe(true);
    expect(code(await p(MOLING_ADMIN, 'demandList', { streetId: LUKOU_STREET }))).toBe('FORBIDDEN');
    expect(code(await p(XINYUAN, 'callForm', {}))).toBe('FORBIDDEN');
  });

  test('the 禄口 admin publishes; a 秣陵 admin cannot; bad input writes nothing', async () => {
    expect(code(await p(MOLING_ADMIN, 'publishCall', ventureCall(demo)))).toBe('FORBIDDEN');
    const badWeights = ventureCall(demo, {
      scoreSheet: [{ key: 'plan', label: '方案', weight: 90, max: 10 }],
    });
    expect(code(await p(LUKOU_ADMIN, 'publishCall', badWeights))).toBe('INVALID_INPUT');
    const otherStreet = ventureCall(demo, { communityIds: ['jn-moling-moling'] });
    expect(code(await p(LUKOU_ADMIN, 'publishCall', otherStreet))).toBe('INVALID_INPUT');
    expect(count('project_calls')).toBe(0);
    const input = ventureCall(demo);
    const call = await ok(LUKOU_ADMIN, 'publishCall', input);
    expect(await ok(LUKOU_ADMIN, 'publishCall', input)).toEqual(call);
    callId = call.id;
    const open = await ok(XINYUAN, 'listCalls', {});
    expect(open.items.find((c) => c.id === callId)).toMatchObject({ canBid: true, kindText: '公益创投' });
    expect((await ok(HONGYE, 'listCalls', {})).items.find((c) => c.id === callId)?.canBid).toBe(false);
    expect((await ok(MOLING_ADMIN, 'listCalls', { view: 'admin' })).items).toHaveLength(0);
  });

  test('admitted organizations draft and submit; others cannot bid; a draft over the ceiling is refused', async () => {
    expect(code(await p(HONGYE, 'saveBid', bid(callId, orgs.hongye, 50_000)))).toBe('FORBIDDEN');
    expect(code(await p(HONGYE, 'saveBid', bid(callId, orgs.xinyuan, 50_000)))).toBe('FORBIDDEN');
    expect(code(await p(XINYUAN, 'saveBid', bid(callId, orgs.xinyuan, 300_000)))).toBe('INVALID_INPUT');
    const draft = await ok(XINYUAN, 'saveBid', { ...bid(callId, orgs.xinyuan, 80_000, false), plan: '草稿' });
    expect(draft).toMatchObject({ status: 'draft', editable: true, totalText: '8 万元' });
    expect(code(await p(XINYUAN, 'saveBid', { ...bid(callId, orgs.xinyuan, 80_000), plan: '太短' }))).toBe(
      'INVALID_INPUT',
    );
    const sent = await ok(XINYUAN, 'saveBid', bid(callId, orgs.xinyuan, 80_000));
    expect(sent.status).toBe('submitted');
    bids.xinyuan = sent.id;
    bids.tiaojie = (await ok(TIAOJIE, 'saveBid', bid(callId, orgs.tiaojie, 60_000))).id;
    // 红叶 is admitted now and bids too.
    const entry = (await ok(LUKOU_ADMIN, 'poolEntries', { streetId: LUKOU_STREET, status: 'applied' }))
      .items[0]!;
    await ok(LUKOU_ADMIN, 'assessPool', { entryId: entry.id, checklist: await allPassed(demo), admit: true });
    bids.hongye = (await ok(HONGYE, 'saveBid', bid(callId, orgs.hongye, 90_000))).id;
  });

  test('bids are sealed until the deadline: not for other orgs, reviewers or the admin', async () => {
    for (const who of [HONGYE, REVIEWERS[0]!, LUKOU_ADMIN])
      expect(code(await p(who, 'bidDetail', { bidId: bids.xinyuan! }))).toBe('NOT_FOUND');
    expect((await ok(XINYUAN, 'bidDetail', { bidId: bids.xinyuan! })).orgName).toBe('心苑社会工作服务中心');
    const d = await ok(LUKOU_ADMIN, 'callDetail', { callId });
    expect(d).toMatchObject({ submittedCount: 3, bids: [], ranking: [], canPrequalify: false });
    expect(code(await p(LUKOU_ADMIN, 'prequalify', { callId, decisions: [] }))).toBe('CONFLICT');
    const sheetBefore = await ok(REVIEWERS[0]!, 'reviewSheet', { callId });
    expect(sheetBefore).toMatchObject({ organizations: [], bids: [], canScore: false });
  });

  test('after the deadline: no more edits; the admin prequalifies every bid', async () => {
    demo.cloud.clock.advance(8 * DAY);
    expect(code(await p(XINYUAN, 'saveBid', bid(callId, orgs.xinyuan, 70_000)))).toBe('CONFLICT');
    const d = await ok(LUKOU_ADMIN, 'callDetail', { callId });
    expect(d.bids).toHaveLength(3);
    expect(d.canPrequalify).toBe(true);
    expect(code(await p(MOLING_ADMIN, 'prequalify', { callId, decisions: [] }))).toBe('FORBIDDEN');
    expect(
      code(
        await p(LUKOU_ADMIN, 'prequalify', { callId, decisions: [{ bidId: bids.xinyuan!, passed: true }] }),
      ),
    ).toBe('INVALID_INPUT');
    const decisions = Object.values(bids).map((bidId) => ({ bidId, passed: true }));
    expect((await ok(LUKOU_ADMIN, 'prequalify', { callId, decisions })).status).toBe('reviewing');
  });
});

describe('review', () => {
  test('a reviewer declares conflicts first (by name), then sees coded bids, never the conflicted one', async () => {
    const [a, b] = REVIEWERS as [string, string];
    expect((await ok(a, 'myReviews', {})).map((r) => [r.callId, r.declared, r.toScore])).toEqual([
      [callId, false, 3],
    ]);
    expect(code(await p(XINYUAN, 'reviewSheet', { callId }))).toBe('FORBIDDEN');
    const first = await ok(a, 'reviewSheet', { callId });
    expect(first.declared).toBe(false);
    expect(first.organizations.map((o) => o.name).sort()).toEqual(
      ['南京红叶社会工作服务社', '心苑社会工作服务中心', '禄口邻里调解工作室'].sort(),
    );
    expect(first.bids).toEqual([]);
    expect(code(await p(a, 'scoreBid', sheet(bids.tiaojie!, 8)))).toBe('CONFLICT');
    expect(code(await p(a, 'declareConflicts', { callId, orgIds: ['no-such-org'] }))).toBe('INVALID_INPUT');
    await ok(a, 'declareConflicts', { callId, orgIds: [orgs.xinyuan] });
    expect(code(await p(a, 'declareConflicts', { callId, orgIds: [] }))).toBe('CONFLICT');
    const after = await ok(a, 'reviewSheet', { callId });
    expect(after.bids).toHaveLength(2);
    expect(after.bids.map((x) => x.label).every((l) => /^方案[一二三]$/.test(l))).toBe(true);
    expect(code(await p(a, 'bidDetail', { bidId: bids.xinyuan! }))).toBe('NOT_FOUND');
    expect(code(await p(a, 'scoreBid', sheet(bids.xinyuan!, 9)))).toBe('NOT_FOUND');
    const blind = await ok(a, 'bidDetail', { bidId: bids.tiaojie! });
    expect(blind.orgId).toBeNull();
    expect(blind.orgName).toMatch(/^方案/);
    expect(JSON.stringify(blind)).not.toContain('调解工作室');
    for (const r of REVIEWERS.slice(1)) await ok(r, 'declareConflicts', { callId, orgIds: [] });
    expect(code(await p(LUKOU_ADMIN, 'scoreBid', sheet(bids.tiaojie!, 9)))).toBe('NOT_FOUND');
    void b;
  });

  test('scores are independent; a correction is a new record; reviewers never see others’ scores', async () => {
    const [a, b, c, d] = REVIEWERS as [string, string, string, string];
    // 心苑 strong, 调解 middling, 红叶 weak; reviewer d is harsh on everyone.
    const marks: Record<string, Record<string, number>> = {
      [a]: { tiaojie: 7, hongye: 6 },
      [b]: { xinyuan: 9, tiaojie: 7, hongye: 5 },
      [c]: { xinyuan: 8, tiaojie: 8, hongye: 6 },
      [d]: { xinyuan: 3, tiaojie: 2, hongye: 1 },
    };
    for (const [who, m] of Object.entries(marks))
      for (const [org, s] of Object.entries(m)) await ok(who, 'scoreBid', sheet(bids[org]!, s));
    expect(code(await p(b, 'scoreBid', sheet(bids.hongye!, 6)))).toBe('CONFLICT');
    const first = (await ok(b, 'reviewSheet', { callId })).bids.find((x) => x.bidId === bids.hongye)!.mine!;
    expect(code(await p(b, 'scoreBid', sheet(bids.hongye!, 6, first.scoreId)))).toBe('INVALID_INPUT');
    const fixed = await ok(b, 'scoreBid', sheet(bids.hongye!, 6, first.scoreId, '预算一项看错了'));
    expect(fixed).toMatchObject({ n: 2, supersedes: first.scoreId, total: 60 });
    expect(code(await p(b, 'scoreBid', sheet(bids.hongye!, 7, first.scoreId, '再改一次')))).toBe('CONFLICT');
    const stored = demo.cloud.store
      .docs('project_scores')
      .filter((s) => s.bidId === bids.hongye && s.reviewerId === userId(demo, b));
    expect(stored.map((s) => s.total).sort()).toEqual([50, 60]);
    // Nobody but the admin sees the running ranking; a reviewer’s sheet holds only their own scores.
    const asReviewer = await ok(c, 'callDetail', { callId });
    expect(asReviewer.ranking).toEqual([]);
    const mine = await ok(c, 'reviewSheet', { callId });
    expect(mine.bids.map((x) => x.mine!.total).sort()).toEqual([60, 80, 80]);
    expect(JSON.stringify(mine)).not.toContain('"total":90');
    expect((await ok(XINYUAN, 'myBids', {}))[0]!.result).toBeNull();
  });

  test('two admins award at once: one result; the ranking resists the harsh reviewer', async () => {
    expect(code(await p(MOLING_ADMIN, 'award', { callId }))).toBe('FORBIDDEN');
    const both = await Promise.all([
      p(LUKOU_ADMIN, 'award', { callId }),
      p(DISTRICT_ADMIN, 'award', { callId }),
    ]);
    expect(both.map(code).sort()).toEqual(['CONFLICT', 'OK']);
    const d = await ok(HONGYE, 'callDetail', { callId });
    // Trimmed means: 心苑 (90, 80, 30) → 80; 调解 (70, 70, 80, 20) → 70; 红叶 (60, 60, 60, 10) → 60.
    expect(d.ranking.map((r) => [r.orgName, r.scoreText, r.awarded])).toEqual([
      ['心苑社会工作服务中心', '80.00 分', true],
      ['禄口邻里调解工作室', '70.00 分', true],
      ['南京红叶社会工作服务社', '60.00 分', false],
    ]);
    expect(d.ranking[2]!.note).toBe('超出剩余预算');
    // Every reviewer's total is published with the award.
    expect(d.ranking.map((r) => r.totalsText)).toEqual(['90、80、30', '80、70、70、20', '60、60、60、10']);
    const mine = (await ok(XINYUAN, 'myBids', {})).find((x) => x.callId === callId)!;
    expect(mine.result).toMatchObject({ rank: 1, awarded: true });
    expect(mine.result!.reviewerTotals.map((t) => t.who)).toEqual(['评审1', '评审2', '评审3']);
    expect(demo.cloud.outbox.list({ templateId: 'local-project_award' }).length).toBeGreaterThanOrEqual(3);
  });
});

describe('complaints and contracts', () => {
  test('a bidder complains in the window; contracts wait for the window and the answer', async () => {
    expect(
      code(
        await p(XINYUAN, 'fileComplaint', { callId, orgId: orgs.hongye, text: '我们对评分有异议，请复核。' }),
      ),
    ).toBe('FORBIDDEN');
    const c = await ok(HONGYE, 'fileComplaint', {
      callId,
      orgId: orgs.hongye,
      text: '我们对预算评分有异议，请复核。',
    });
    expect(
      await ok(HONGYE, 'fileComplaint', {
        callId,
        orgId: orgs.hongye,
        text: '我们对预算评分有异议，请复核。',
      }),
    ).toEqual(c);
    expect(code(await p(LUKOU_ADMIN, 'makeContracts', { callId }))).toBe('CONFLICT');
    demo.cloud.clock.advance(6 * DAY);
    expect(
      code(
        await p(TIAOJIE, 'fileComplaint', { callId, orgId: orgs.tiaojie, text: '晚了的投诉，应该被拒绝。' }),
      ),
    ).toBe('CONFLICT');
    expect(code(await p(LUKOU_ADMIN, 'makeContracts', { callId }))).toBe('CONFLICT');
    expect(
      code(
        await p(MOLING_ADMIN, 'answerComplaint', {
          complaintId: c.id,
          upheld: false,
          answer: '经复核评分无误。',
        }),
      ),
    ).toBe('FORBIDDEN');
    await ok(LUKOU_ADMIN, 'answerComplaint', {
      complaintId: c.id,
      upheld: false,
      answer: '经复核，评分程序和结果无误。',
    });
    expect((await ok(HONGYE, 'myBids', {}))[0]!.complaint).toMatchObject({ answered: true, upheld: false });
  });

  test('two admins make the contracts at once: one set, in signing, with the call’s terms and the bid’s numbers', async () => {
    expect(code(await p(MOLING_ADMIN, 'makeContracts', { callId }))).toBe('FORBIDDEN');
    const both = await Promise.all([
      p(LUKOU_ADMIN, 'makeContracts', { callId }),
      p(DISTRICT_ADMIN, 'makeContracts', { callId }),
    ]);
    expect(both.map(code)).toEqual(['OK', 'OK']);
    const contracts = demo.cloud.store.docs('project_contracts');
    expect(contracts).toHaveLength(2);
    const x = contracts.find((k) => k.orgId === orgs.xinyuan) as unknown as ContractDoc;
    expect(x).toMatchObject({
      status: 'signing',
      amountFen: 8_000_000,
      parties: {
        buyer: { name: '禄口街道' },
        provider: { orgId: orgs.xinyuan, name: '心苑社会工作服务中心' },
        supervisor: { name: '江宁区委社会工作部', userIds: [userId(demo, DISTRICT_ADMIN)] },
      },
    });
    expect(x.tranches.map((t) => t.amountFen)).toEqual([2_400_000, 3_200_000, 2_400_000]);
    expect(x.indicators.map((i) => [i.key, i.target])).toEqual([
      ['orders', 200],
      ['satisfaction', 92],
    ]);
    expect((await ok(LUKOU_ADMIN, 'callDetail', { callId })).status).toBe('contracted');
  });

  test('every call kept to 3 round trips', () => {
    expect(most.size).toBeGreaterThanOrEqual(20);
    for (const [action, n] of most) expect([action, n <= 3]).toEqual([action, true]);
    if (process.env.MULIN_PRINT_ROUND_TRIPS) console.log(JSON.stringify(Object.fromEntries(most)));
  });
});
