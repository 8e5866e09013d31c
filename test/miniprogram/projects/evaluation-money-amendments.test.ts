/**
 * The evaluation, spending and amendment pages against the real projects function on the full demo: the 禄口
 * admin enters the meal-help contract's final evaluation on the two score sheets, line by line with comments, and
 * sees the grade the function gave; the provider appeals it once on the contract page; the provider records
 * spending with a receipt photo and the admin sees it in the financial review; the provider proposes an amendment
 * on its page and it takes effect when the buyer signs on the contract page and the supervisor signs too; the
 * supervisor reaches the visit page from the contract list.
 */
import { PROJECT_EVALUATION_SHEETS } from '../../../miniprogram/shared/choices';
import { fire, input, loadPage, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';

const PAGES = 'packages/projects/pages';
const MEALS = 'contract-lukou-meals';
const LUKOU = 'demo-admin-lukou';
const XINYUAN = 'demo-staff-xinyuan-1';
const DISTRICT = 'demo-admin-jiangning';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(LUKOU, { full: true });
}, 180_000);
afterAll(() => demo.close());

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const docs = (c: string): Doc[] => demo.cloud.store.docs(c) as Doc[];

it('enters the final evaluation on the score sheets and shows the grade; the provider appeals once', async () => {
  switchUser(LUKOU);
  const page = await loadPage(`${PAGES}/evaluate/index`, { id: MEALS });
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error).toBeNull();
  expect(page.data.stage).toBe('final'); // the mid-term is done (seed)
  await fire(page, '#score-expert-outcome', 'change', { value: 20 });
  await input(page, '#comment-expert-outcome', '助餐单量未达目标');
  await fire(page, '#score-financial-receipts', 'change', { value: 15 });
  await input(page, '#comment', '终期评估：服务稳定，单量不足。');
  const expert = 100 - 10;
  const financial = 100 - 10;
  expect(page.data.sheets[0]!.total).toBe(expert);
  await tap(page, '#submit');
  await waitFor(() => page.data.result || page.data.banner);
  expect(page.data.banner).toBe('');

  const stored = docs('project_evaluations').filter((e) => e.contractId === MEALS && e.stage === 'final');
  expect(stored).toHaveLength(1);
  const e = stored[0]!;
  expect(e.sheets.expert).toBe(expert);
  expect(e.sheets.financial).toBe(financial);
  expect(e.criteria).toHaveLength(
    PROJECT_EVALUATION_SHEETS.expert.length + PROJECT_EVALUATION_SHEETS.financial.length,
  );
  expect(e.criteria.find((l: Doc) => l.key === 'outcome')).toMatchObject({
    score: 20,
    comment: '助餐单量未达目标',
  });
  expect(textOf(page, '#result')).toContain(`终期评估：${e.grade}`);
  expect(textOf(page, '#result')).toContain(`总分 ${e.total}`);

  // The provider sees the scores line by line and appeals, once.
  switchUser(XINYUAN);
  const contract = await loadPage(`${PAGES}/contract/index`, { id: MEALS });
  await waitFor(() => contract.data.status !== 'loading');
  expect(textOf(contract, '#evaluation-0')).toContain('服务成效与指标完成 20/30：助餐单量未达目标');
  await tap(contract, '#appeal-0');
  await input(contract, '#reason', '单量统计漏了新桥社区的上门助洁订单');
  await tap(contract, '#send-appeal');
  await waitFor(() => !contract.data.busy && !contract.data.appealing);
  expect(contract.data.banner).toBe('');
  const appealed = docs('project_evaluations').find((x) => x._id === e._id)!;
  expect(appealed.appeal.reason).toBe('单量统计漏了新桥社区的上门助洁订单');
  await waitFor(() => contract.data.c!.evaluations[0]!.mayAppeal === false);
  expect(textOf(contract, '#evaluation-0')).toContain('申诉：单量统计漏了');
});

it('records spending with a receipt photo; the buyer sees it against the budget line', async () => {
  switchUser(XINYUAN);
  const page = await loadPage(`${PAGES}/spending/index`, { id: MEALS });
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error).toBeNull();
  const line = page.data.c!.lines[1]!;
  await tap(page, `#pick-${line.key}`);
  await input(page, '#amount', '1234.5');
  await input(page, '#note', '三月助餐食材');
  await tap(page, '#receipts');
  await waitFor(() => page.data.receipts.length === 1);
  await tap(page, '#submit');
  await waitFor(() => !page.data.busy && page.data.receipts.length === 0);
  expect(page.data.banner).toBe('');
  const stored = docs('project_spending').filter((s) => s.contractId === MEALS && s.note === '三月助餐食材');
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ lineKey: line.key, amountFen: 123_450 });
  expect(stored[0]!.receipts[0]).toMatch(/^cloud:\/\/.*\/projects\//);

  switchUser(LUKOU);
  const review = await loadPage(`${PAGES}/spending/index`, { id: MEALS });
  await waitFor(() => review.data.status !== 'loading');
  expect(review.data.c!.canRecord).toBe(false);
  expect(textOf(review, '#record-0')).toContain('三月助餐食材');
  expect(textOf(review, `#line-${line.key}`)).toContain('已用');
});

it('proposes an amendment on its page; in force once the buyer and the supervisor signed', async () => {
  switchUser(XINYUAN);
  const page = await loadPage(`${PAGES}/amend/index`, { id: MEALS });
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error).toBeNull();
  await input(page, '#reason', '居民需求调研后，助餐需求增加');
  await input(page, '#target-orders', '10');
  await tap(page, '#submit');
  await waitFor(() => !page.data.busy);
  expect(page.data.banner).toBe('');
  const amendment = docs('project_amendments').find((a) => a.contractId === MEALS)!;
  expect(amendment.changes).toEqual({ targets: [{ key: 'orders', target: 10 }] });

  switchUser(LUKOU);
  const contract = await loadPage(`${PAGES}/contract/index`, { id: MEALS });
  await waitFor(() => contract.data.status !== 'loading');
  expect(textOf(contract, '#amendment-0')).toContain('上门助餐助洁服务：6 → 10 单');
  await tap(contract, '#sign-amendment-buyer');
  await waitFor(() => !contract.data.busy && contract.data.c!.amendments[0]!.maySign.length === 0);
  expect(contract.data.banner).toBe('');
  expect(docs('project_amendments').find((a) => a._id === amendment._id)!.status).toBe('signing');

  switchUser(DISTRICT);
  const list = await loadPage(`${PAGES}/contracts/index`);
  await waitFor(() => list.data.status !== 'loading');
  const i = list.data.items.findIndex((c: Doc) => c.id === MEALS);
  expect(list.data.items[i].visitUrl).toContain('/visit/index?id=contract-lukou-meals');
  await demo.ok('projects', DISTRICT, 'signAmendment', { amendmentId: amendment._id, party: 'supervisor' });
  expect(docs('project_amendments').find((a) => a._id === amendment._id)!.status).toBe('effective');
  const after = await demo.ok('projects', LUKOU, 'contractDetail', { contractId: MEALS });
  expect(after.progress.find((p) => p.key === 'orders')!.target).toBe(10);
});
