/**
 * Amendments (补充协议) of a signed contract through the local cloud on the full demo: the provider proposes new
 * targets, budget lines and a longer period with why; the contract document is never edited; the amendment takes
 * effect only when all three parties signed — two signing at once are both recorded once — and then every contract
 * action works on the new terms; forbidden paths (a 秣陵 admin, a resident), invalid input writes nothing, one
 * amendment at a time, ≤ 3 round trips.
 */
import { addDays, dateKey } from '../../../miniprogram/shared/calendar';
import { SUPERVISOR_OPENID } from '../../../seed/projectContracts';
import { startDemoCloud, type DemoCloud } from '../../support/demo';

const LUKOU = 'demo-admin-lukou';
const MOLING = 'demo-admin-moling';
const DISTRICT = SUPERVISOR_OPENID;
const XINYUAN = 'demo-staff-xinyuan-1';
const WANG = 'demo-resident-wang';
const MEALS = 'contract-lukou-meals';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo.close());

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const docs = (c: string): Doc[] => demo.cloud.store.docs(c) as Doc[];
const contractDoc = () => structuredClone(docs('project_contracts').find((c) => c._id === MEALS)!);
const amendments = () => docs('project_amendments').filter((a) => a.contractId === MEALS);
const lastDay = (c: Doc) => dateKey(new Date(c.period.to.getTime() - 1));

/** The meals contract's budget lines moved: 2,000 yuan from staff to a new line, the total unchanged. */
type Line = { key?: string; label: string; amountFen: number };
function movedLines(c: Doc): Line[] {
  const lines: Line[] = c.budgetLines.map((l: Doc) => ({
    key: l.key,
    label: l.label,
    amountFen: l.amountFen,
  }));
  lines[0]!.amountFen -= 200_000;
  return [...lines, { label: '助餐车辆租赁', amountFen: 200_000 }];
}

it('refuses what is not the terms, and writes nothing', async () => {
  const c = contractDoc();
  const base = { contractId: MEALS, reason: '居民需求调研后调整服务量' };
  const bad = [
    await demo.call('projects', XINYUAN, 'proposeAmendment', {
      ...base,
      targets: [{ key: 'meals', target: 9 }],
      idempotencyKey: 'bad-amend-1',
    }),
    await demo.call('projects', XINYUAN, 'proposeAmendment', {
      ...base,
      budgetLines: [{ label: '人员经费', amountFen: c.amountFen }],
      idempotencyKey: 'bad-amend-2',
    }),
    await demo.call('projects', XINYUAN, 'proposeAmendment', {
      ...base,
      budgetLines: movedLines(c).map((l, i) => (i === 0 ? { ...l, amountFen: l.amountFen + 1 } : l)),
      idempotencyKey: 'bad-amend-3',
    }),
    await demo.call('projects', XINYUAN, 'proposeAmendment', {
      ...base,
      periodTo: addDays(lastDay(c), 400),
      idempotencyKey: 'bad-amend-4',
    }),
    await demo.call('projects', XINYUAN, 'proposeAmendment', {
      ...base,
      periodTo: addDays(lastDay(c), -1),
      idempotencyKey: 'bad-amend-5',
    }),
    await demo.call('projects', XINYUAN, 'proposeAmendment', {
      ...base,
      targets: [{ key: 'orders', target: c.indicators[0].target }],
      idempotencyKey: 'bad-amend-6',
    }),
    await demo.call('projects', XINYUAN, 'proposeAmendment', {
      contractId: MEALS,
      reason: '改',
      targets: [{ key: 'orders', target: 9 }],
      idempotencyKey: 'bad-amend-7',
    }),
    await demo.unchecked('projects', XINYUAN, 'proposeAmendment', {
      ...base,
      targets: [{ key: 'orders', target: 9 }],
      openid: 'demo-admin-lukou',
      idempotencyKey: 'bad-amend-8',
    }),
  ];
  expect(bad.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(bad.length).fill('INVALID_INPUT'));
  expect(amendments()).toEqual([]);
});

it('keeps a 秣陵 admin and a resident out', async () => {
  const input = {
    contractId: MEALS,
    reason: '居民需求调研后调整服务量',
    targets: [{ key: 'orders', target: 9 }],
  };
  for (const who of [MOLING, WANG]) {
    const r = await demo.call('projects', who, 'proposeAmendment', {
      ...input,
      idempotencyKey: `out-${who}`,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  }
  expect(amendments()).toEqual([]);
});

it('takes effect only when all three signed; two signing at once are both recorded once', async () => {
  const signed = contractDoc();
  const newEnd = addDays(lastDay(signed), 365);
  const proposed = await demo.call('projects', XINYUAN, 'proposeAmendment', {
    contractId: MEALS,
    reason: '延吉式续签：居民需求调研后，助餐单量提高，增加车辆租赁预算，服务期延长一年',
    targets: [{ key: 'orders', target: 12 }],
    budgetLines: movedLines(signed),
    periodTo: newEnd,
    idempotencyKey: 'amend-meals-1',
  });
  if (!proposed.ok) throw new Error(proposed.error.message);
  expect(proposed.roundTrips).toBeLessThanOrEqual(2);
  const a = proposed.data;
  expect(a).toMatchObject({ n: 1, status: 'signing', proposedBy: { party: 'provider', name: '林晓燕' } });
  expect(a.targets).toEqual([{ label: '上门助餐助洁服务', unit: '单', from: 6, to: 12 }]);
  expect(a.budgetLines.find((l) => l.label === '助餐车辆租赁')).toEqual({
    label: '助餐车辆租赁',
    fromFen: null,
    toFen: 200_000,
  });
  expect(a.signatures.map((s) => s.party)).toEqual(['provider']);

  // A replay answers the same amendment; a second proposal waits for this one.
  const replay = await demo.ok('projects', XINYUAN, 'proposeAmendment', {
    contractId: MEALS,
    reason: '延吉式续签：居民需求调研后，助餐单量提高，增加车辆租赁预算，服务期延长一年',
    targets: [{ key: 'orders', target: 12 }],
    idempotencyKey: 'amend-meals-1',
  });
  expect(replay.id).toBe(a.id);
  const second = await demo.call('projects', LUKOU, 'proposeAmendment', {
    contractId: MEALS,
    reason: '再调整一次满意率目标',
    targets: [{ key: 'satisfaction', target: 95 }],
    idempotencyKey: 'amend-meals-2',
  });
  expect(second.ok ? 'ok' : second.error.code).toBe('CONFLICT');

  // Not in force yet: the terms are the signed ones.
  const before = await demo.ok('projects', LUKOU, 'contractDetail', { contractId: MEALS });
  expect(before.progress.find((p) => p.key === 'orders')!.target).toBe(6);
  expect(before.amendments.map((x) => x.status)).toEqual(['signing']);
  expect(before.mayAmend).toBe(false);
  const outsider = await demo.call('projects', MOLING, 'signAmendment', { amendmentId: a.id });
  expect(outsider.ok ? 'ok' : outsider.error.code).toBe('FORBIDDEN');
  const again = await demo.call('projects', XINYUAN, 'signAmendment', { amendmentId: a.id });
  expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');

  // The buyer and the supervisor sign at the same moment.
  const [buyer, supervisor] = await Promise.all([
    demo.call('projects', LUKOU, 'signAmendment', { amendmentId: a.id }),
    demo.call('projects', DISTRICT, 'signAmendment', { amendmentId: a.id, party: 'supervisor' }),
  ]);
  for (const r of [buyer, supervisor]) {
    if (!r.ok) throw new Error(r.error.message);
    expect(r.roundTrips).toBeLessThanOrEqual(3);
  }
  const stored = amendments();
  expect(stored).toHaveLength(1);
  expect(stored[0]!.status).toBe('effective');
  expect(stored[0]!.signatures.map((s: Doc) => s.party).sort()).toEqual(['buyer', 'provider', 'supervisor']);
  expect(stored[0]!.before.targets).toEqual([{ key: 'orders', target: 6 }]);
  expect([buyer, supervisor].some((r) => r.ok && r.data.status === 'effective')).toBe(true);
  const late = await demo.call('projects', LUKOU, 'signAmendment', { amendmentId: a.id });
  expect(late.ok ? 'ok' : late.error.code).toBe('CONFLICT');

  // The contract document is as signed; every action now works on the amended terms.
  expect(contractDoc()).toEqual(signed);
  const after = await demo.ok('projects', XINYUAN, 'contractDetail', { contractId: MEALS });
  expect(after.progress.find((p) => p.key === 'orders')!.target).toBe(12);
  expect(dateKey(new Date(new Date(after.to).getTime() - 1))).toBe(newEnd);
  expect(after.budget.map((b) => b.label)).toContain('助餐车辆租赁');
  expect(after.amendments[0]).toMatchObject({ n: 1, status: 'effective', maySign: [] });
  expect(after.mayAmend).toBe(true);
  const line = after.budget.find((b) => b.label === '助餐车辆租赁')!;
  const spent = await demo.call('projects', XINYUAN, 'recordSpending', {
    contractId: MEALS,
    lineKey: line.lineKey,
    amountFen: 50_000,
    note: '三月助餐车辆租金',
    receipts: [`cloud://env.b/projects/${demo.seed.userIds[XINYUAN]}/rent.png`],
    idempotencyKey: 'amend-spend-1',
  });
  expect(spent.ok).toBe(true);
});

it("puts the amended terms on the street's dashboard, as the contract page counts them", async () => {
  // Past the refresh copy's one-minute wait for writes in flight, then until the copy has caught up.
  demo.cloud.clock.advance(5 * 60_000);
  for (let run = 0; run < 10; run += 1) {
    const r = await demo.cloud.timers.fire('projects', 'refresh');
    if (!r.ok) throw new Error(r.error.message);
    if ((JSON.parse(r.resultJson) as { data: { behind: number } }).data.behind === 0) break;
  }
  const detail = await demo.ok('projects', LUKOU, 'contractDetail', { contractId: MEALS });
  expect(detail.progress.find((p) => p.key === 'orders')!.target).toBe(12);
  const mean =
    Math.round((1000 * detail.progress.reduce((t, p) => t + p.attainment, 0)) / detail.progress.length) / 10;
  const { dashboard } = await demo.ok('projects', LUKOU, 'dashboard', { streetId: 'jn-lukou' });
  const line = dashboard!.lines.find((l) => l.id === MEALS)!;
  expect(line.attainment).toBe(mean);
  // Under the signed target of 6 orders the orders indicator would count for more.
  const orders = detail.progress.find((p) => p.key === 'orders')!;
  expect(orders.value).toBeLessThan(12);
  expect(Math.min(1, orders.value / 6)).toBeGreaterThan(orders.attainment);
});
