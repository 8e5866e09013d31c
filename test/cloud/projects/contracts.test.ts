/**
 * Contracts after the award, through the local cloud on the full demo (seed/projectContracts: four contracts of
 * the 禄口/东山 round, signed, reported, visited, one evaluated and paid): signing by the three parties, progress
 * counted from the delivery records (checked against a count made here from the source collections), reports,
 * visits, spending, evaluation and appeal, tranche release (two admins → one release), credit and the dashboard;
 * per role, with the forbidden paths and the street scope, and ≤ 3 round trips per action.
 */
import { demoContractSpecs, insertSigningContract, SUPERVISOR_OPENID } from '../../../seed/projectContracts';
import { startDemoCloud, type DemoCloud } from '../../support/demo';

const LUKOU = 'demo-admin-lukou';
const DONGSHAN = 'demo-admin-dongshan';
const MOLING = 'demo-admin-moling';
const DISTRICT = SUPERVISOR_OPENID;
const XINYUAN = 'demo-staff-xinyuan-1';
const HONGYE = 'demo-staff-hongye-1';
const LANTIAN = 'demo-staff-lantian-1';
const WANG = 'demo-resident-wang';
const MEALS = 'contract-lukou-meals';
const AFTERSCHOOL = 'contract-lukou-afterschool';
const RESCUE = 'contract-dongshan-rescue';
const MEDIATION = 'contract-dongshan-mediation';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo.close());

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const docs = (c: string): Doc[] => demo.cloud.store.docs(c) as Doc[];
const contractDoc = (id: string) => docs('project_contracts').find((c) => c._id === id)!;
const inPeriod = (c: Doc, at: unknown) => at instanceof Date && at >= c.period.from && at <= c.period.to;

it('the demo contracts are active, signed by all three parties, with the first tranche paid', async () => {
  for (const id of [MEALS, AFTERSCHOOL, RESCUE, MEDIATION]) {
    const c = contractDoc(id);
    expect(c.status).toBe('active');
    expect(c.signatures.map((s: Doc) => s.party).sort()).toEqual(['buyer', 'provider', 'supervisor']);
    expect(c.tranches[0].released).toBeDefined();
  }
  const r = await demo.call('projects', LUKOU, 'contractList', {});
  // 禄口's contracts: these two under way, and the 2027 round's two in signing (seed/projects.ts).
  const lukou = docs('project_contracts')
    .filter((c) => c.streetId === 'jn-lukou')
    .map((c) => c._id as string);
  expect(r.ok && r.data.items.map((i) => i.id).sort()).toEqual(lukou.sort());
  expect(lukou).toEqual(expect.arrayContaining([AFTERSCHOOL, MEALS]));
  expect(r.roundTrips).toBeLessThanOrEqual(2);
  const staff = await demo.ok('projects', LANTIAN, 'contractList', {});
  expect(staff.items.map((i) => i.id)).toEqual([RESCUE]);
  expect((await demo.ok('projects', WANG, 'contractList', {})).items).toEqual([]);
});

it('counts progress from the delivery records, equal to a count made here from the source collections', async () => {
  const meals = contractDoc(MEALS);
  const r = await demo.call('projects', XINYUAN, 'contractDetail', { contractId: MEALS });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.roundTrips).toBeLessThanOrEqual(2);
  const byKey = Object.fromEntries(r.data.progress.map((p) => [p.key, p]));

  const orders = docs('service_orders').filter(
    (o) =>
      o.orgId === meals.orgId &&
      meals.communityIds.includes(o.communityId) &&
      ['completed', 'confirmed'].includes(o.status) &&
      inPeriod(meals, o.completedAt),
  );
  expect(orders.length).toBeGreaterThan(0);
  expect(byKey['orders'].value).toBe(orders.length);
  const rated = orders.filter((o) => o.survey);
  expect(byKey['satisfaction'].value).toBe(
    Math.round((1000 * rated.filter((o) => o.survey.rating >= 4).length) / rated.length) / 10,
  );
  const minutes = docs('volunteer_hours')
    .filter(
      (h) =>
        h.verifiedDelta !== 0 &&
        meals.communityIds.includes(h.placePath[2]) &&
        (h.organizer.kind === 'place' || h.organizer.id === meals.orgId) &&
        inPeriod(meals, h.activityStartAt),
    )
    .reduce((t, h) => t + h.verifiedDelta, 0);
  expect(minutes).toBeGreaterThan(0);
  expect(byKey['hours'].value).toBe(Math.round((minutes / 60) * 10) / 10);

  // The records behind a number, paged.
  const page1 = await demo.call('projects', LUKOU, 'indicatorRecords', {
    contractId: MEALS,
    indicatorKey: 'orders',
    limit: 1,
  });
  if (!page1.ok) throw new Error(page1.error.message);
  expect(page1.roundTrips).toBeLessThanOrEqual(2);
  expect(page1.data.total).toBe(orders.length);
  expect(page1.data.items).toHaveLength(1);
  expect(orders.map((o) => `orders:${o._id}`)).toContain(page1.data.items[0]!.id);

  // Recruits: distinct volunteers signed up in the contract's communities (any organizer but another organization).
  const after = contractDoc(AFTERSCHOOL);
  const recruits = new Set(
    docs('volunteer_signups')
      .filter(
        (s) =>
          s.state === 'active' &&
          after.communityIds.includes(s.placePath[2]) &&
          (s.organizer.kind === 'place' || s.organizer.id === after.orgId) &&
          inPeriod(after, s.signedUpAt),
      )
      .map((s) => s.volunteerId),
  );
  const detail = await demo.ok('projects', SUPERVISOR_OPENID, 'contractDetail', { contractId: AFTERSCHOOL });
  expect(detail.progress.find((p) => p.key === 'recruits')!.value).toBe(recruits.size);
  const sessions = docs('project_reports')
    .filter((x) => x.contractId === AFTERSCHOOL)
    .flatMap((x) => x.values)
    .filter((v: Doc) => v.indicatorKey === 'sessions')
    .reduce((t: number, v: Doc) => t + v.value, 0);
  expect(detail.progress.find((p) => p.key === 'sessions')!.value).toBe(sessions);

  // Donations delivered to recipients in 东山社区.
  const med = contractDoc(MEDIATION);
  const delivered = docs('charity_donations').filter(
    (d) =>
      ['confirmed', 'thanked'].includes(d.status) &&
      (d.recipientPath ?? []).some((p: string) => med.communityIds.includes(p)) &&
      inPeriod(med, d.events.find((e: Doc) => e.type === 'confirmed')?.at),
  );
  const medDetail = await demo.ok('projects', DONGSHAN, 'contractDetail', { contractId: MEDIATION });
  expect(medDetail.progress.find((p) => p.key === 'donations')!.value).toBe(delivered.length);
});

it('keeps each party to its own part, and a 秣陵 admin out of 禄口 contracts', async () => {
  const refusals = [
    await demo.call('projects', MOLING, 'contractDetail', { contractId: MEALS }),
    await demo.call('projects', MOLING, 'releaseTranche', { contractId: MEALS, trancheKey: 't3' }),
    await demo.call('projects', MOLING, 'dashboard', { streetId: 'jn-lukou' }),
    await demo.call('projects', HONGYE, 'contractDetail', { contractId: MEALS }),
    await demo.call('projects', HONGYE, 'orgCredit', {
      orgId: contractDoc(MEALS).orgId,
      streetId: 'jn-lukou',
    }),
    await demo.call('projects', WANG, 'indicatorRecords', { contractId: MEALS, indicatorKey: 'orders' }),
    await demo.call('projects', XINYUAN, 'releaseTranche', { contractId: MEALS, trancheKey: 't3' }),
    await demo.call('projects', XINYUAN, 'evaluate', {
      contractId: MEALS,
      stage: 'final',
      expert: 99,
      financial: 99,
      supervision: 99,
      comment: '',
      idempotencyKey: 'self-eval-1',
    }),
    await demo.call('projects', LUKOU, 'recordVisit', {
      contractId: MEALS,
      location: { latitude: 31.8, longitude: 118.8 },
      photos: ['cloud://env.b/projects/x/a.png'],
      sheet: [{ key: 'delivery', score: 30 }],
      note: '',
      idempotencyKey: 'admin-visit-1',
    }),
  ];
  for (const r of refusals) {
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    expect(r.roundTrips).toBeLessThanOrEqual(1);
  }
  expect(docs('project_evaluations').filter((e) => e.contractId === MEALS)).toHaveLength(1);
});

it('signs by each party once, and activates when the third signs', async () => {
  const spec = {
    ...demoContractSpecs(demo.cloud.clock.date(), demo.seed.userIds[DISTRICT]!)[0]!,
    key: 'amend-1',
  };
  const id = insertSigningContract(demo.cloud, spec, demo.cloud.clock.date());
  const early = await demo.call('projects', XINYUAN, 'submitReport', {
    contractId: id,
    month: '2026-01',
    values: [{ indicatorKey: 'orders', value: 1 }],
    note: '',
    idempotencyKey: 'early-report',
  });
  expect(early.ok ? 'ok' : early.error.code).toBe('CONFLICT');
  const p = await demo.call('projects', XINYUAN, 'signContract', { contractId: id });
  expect(p.ok && p.data).toEqual({ signed: ['provider'], status: 'signing' });
  expect(p.roundTrips).toBeLessThanOrEqual(3);
  const again = await demo.call('projects', 'demo-staff-xinyuan-2', 'signContract', { contractId: id });
  expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
  const both = await demo.call('projects', DISTRICT, 'signContract', { contractId: id });
  expect(both.ok ? 'ok' : both.error.code).toBe('INVALID_INPUT');
  await demo.ok('projects', LUKOU, 'signContract', { contractId: id });
  const last = await demo.ok('projects', DISTRICT, 'signContract', { contractId: id, party: 'supervisor' });
  expect(last.status).toBe('active');
  const c = contractDoc(id);
  expect(c.status).toBe('active');
  expect(c.signatures.map((s: Doc) => [s.party, s.by.name])).toEqual([
    ['provider', '林晓燕'],
    ['buyer', '刘芳'],
    ['supervisor', '周建华'],
  ]);
});

it('writes nothing on invalid input', async () => {
  const before = ['project_visits', 'project_reports', 'project_spending', 'project_evaluations'].map(
    (c) => docs(c).length,
  );
  const bad = [
    await demo.call('projects', DISTRICT, 'recordVisit', {
      contractId: MEALS,
      location: { latitude: 31.8, longitude: 118.8 },
      photos: [`cloud://env.b/projects/${demo.seed.userIds[DISTRICT]}/p.png`],
      sheet: [{ key: 'delivery', score: 40 }],
      note: '',
      idempotencyKey: 'bad-visit-1',
    }),
    await demo.call('projects', DISTRICT, 'recordVisit', {
      contractId: MEALS,
      location: { latitude: 31.8, longitude: 118.8 },
      photos: ['cloud://env.b/rooms/someone/p.png'],
      sheet: [
        { key: 'delivery', score: 30 },
        { key: 'records', score: 20 },
        { key: 'staff', score: 20 },
        { key: 'residents', score: 20 },
        { key: 'safety', score: 10 },
      ],
      note: '',
      idempotencyKey: 'bad-visit-2',
    }),
    await demo.call('projects', XINYUAN, 'submitReport', {
      contractId: AFTERSCHOOL,
      month: '2031-01',
      values: [{ indicatorKey: 'sessions', value: 3 }],
      note: '',
      idempotencyKey: 'bad-report-1',
    }),
    await demo.call('projects', XINYUAN, 'submitReport', {
      contractId: AFTERSCHOOL,
      month: '2026-11',
      values: [{ indicatorKey: 'recruits', value: 3 }],
      note: '',
      idempotencyKey: 'bad-report-2',
    }),
    await demo.call('projects', XINYUAN, 'recordSpending', {
      contractId: MEALS,
      lineKey: 'travel',
      amountFen: 100,
      note: '打车',
      receipts: [`cloud://env.b/projects/${demo.seed.userIds[XINYUAN]}/r.png`],
      idempotencyKey: 'bad-spend-1',
    }),
    await demo.unchecked('projects', LUKOU, 'evaluate', {
      contractId: MEALS,
      stage: 'final',
      expert: 120,
      financial: 80,
      comment: '',
      idempotencyKey: 'bad-eval-1',
    }),
    await demo.unchecked('projects', LUKOU, 'releaseTranche', {
      contractId: MEALS,
      trancheKey: 't3',
      extra: 1,
    }),
  ];
  for (const r of bad) expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
  expect(
    ['project_visits', 'project_reports', 'project_spending', 'project_evaluations'].map(
      (c) => docs(c).length,
    ),
  ).toEqual(before);
});

it('evaluates with the three sheets, lets the provider appeal once, and corrects by a new evaluation', async () => {
  const early = await demo.call('projects', DONGSHAN, 'releaseTranche', {
    contractId: RESCUE,
    trancheKey: 't2',
  });
  expect(early.ok ? 'ok' : early.error.code).toBe('CONFLICT');
  const e = await demo.call('projects', DONGSHAN, 'evaluate', {
    contractId: RESCUE,
    stage: 'mid',
    expert: 70,
    financial: 60,
    comment: '培训记录不全',
    idempotencyKey: 'eval-rescue-mid',
  });
  if (!e.ok) throw new Error(e.error.message);
  expect(e.roundTrips).toBeLessThanOrEqual(2);
  // Supervision: the mean of the two seeded visits (90 and 80).
  expect(e.data.sheets).toEqual({ expert: 70, supervision: 85, financial: 60 });
  expect(e.data.total).toBe(71.5);
  expect(e.data.grade).toBe('合格');
  const replay = await demo.ok('projects', DONGSHAN, 'evaluate', {
    contractId: RESCUE,
    stage: 'mid',
    expert: 70,
    financial: 60,
    comment: '培训记录不全',
    idempotencyKey: 'eval-rescue-mid',
  });
  expect(replay.id).toBe(e.data.id);
  const twice = await demo.call('projects', DONGSHAN, 'evaluate', {
    contractId: RESCUE,
    stage: 'mid',
    expert: 90,
    financial: 90,
    comment: '',
    idempotencyKey: 'eval-rescue-mid-2',
  });
  expect(twice.ok ? 'ok' : twice.error.code).toBe('CONFLICT');

  const foreign = await demo.call('projects', XINYUAN, 'appealEvaluation', {
    evaluationId: e.data.id,
    reason: '我们不是这个项目的',
  });
  expect(foreign.ok ? 'ok' : foreign.error.code).toBe('FORBIDDEN');
  const appeal = await demo.call('projects', LANTIAN, 'appealEvaluation', {
    evaluationId: e.data.id,
    reason: '培训签到表已补交，请复核',
  });
  expect(appeal.ok).toBe(true);
  expect(appeal.roundTrips).toBeLessThanOrEqual(2);
  const second = await demo.call('projects', LANTIAN, 'appealEvaluation', {
    evaluationId: e.data.id,
    reason: '再次申诉一下内容',
  });
  expect(second.ok ? 'ok' : second.error.code).toBe('CONFLICT');

  const fixed = await demo.call('projects', DONGSHAN, 'evaluate', {
    contractId: RESCUE,
    stage: 'mid',
    expert: 82,
    financial: 80,
    comment: '复核后补充材料齐全',
    supersedes: e.data.id,
    idempotencyKey: 'eval-rescue-mid-fix',
  });
  if (!fixed.ok) throw new Error(fixed.error.message);
  expect(fixed.roundTrips).toBeLessThanOrEqual(3);
  expect(fixed.data.grade).toBe('良好');
  const stored = docs('project_evaluations').filter((x) => x.contractId === RESCUE);
  expect(stored).toHaveLength(2);
  expect(stored.find((x) => x._id === e.data.id)!.supersededBy).toBe(fixed.data.id);
  expect(stored.find((x) => x._id === e.data.id)!.sheets.expert).toBe(70);
  const seen = await demo.ok('projects', LANTIAN, 'contractDetail', { contractId: RESCUE });
  expect(seen.evaluations.map((x) => [x.grade, x.current])).toEqual([
    ['良好', true],
    ['合格', false],
  ]);
});

it('releases a tranche once when two admins release it at the same time', async () => {
  const [a, b] = await Promise.all([
    demo.call('projects', DONGSHAN, 'releaseTranche', { contractId: RESCUE, trancheKey: 't2' }),
    demo.call('projects', DISTRICT, 'releaseTranche', { contractId: RESCUE, trancheKey: 't2' }),
  ]);
  expect([a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
  for (const r of [a, b]) expect(r.roundTrips).toBeLessThanOrEqual(2);
  const c = contractDoc(RESCUE);
  expect(c.tranches[1].released).toBeDefined();
  expect(c.history.filter((h: Doc) => h.kind === 'release' && h.reason === c.tranches[1].label)).toHaveLength(
    1,
  );
  const final = await demo.call('projects', DONGSHAN, 'releaseTranche', {
    contractId: RESCUE,
    trancheKey: 't3',
  });
  expect(final.ok ? 'ok' : final.error.message).toBe('终期评估尚未完成');
});

it('computes credit with its causes, shown to the street and the organization itself, and the dashboard', async () => {
  expect((await demo.cloud.timers.fire('projects', 'refresh')).ok).toBe(true);
  const orgId = contractDoc(RESCUE).orgId;
  const own = await demo.call('projects', LANTIAN, 'orgCredit', { orgId, streetId: 'jn-dongshan' });
  if (!own.ok) throw new Error(own.error.message);
  expect(own.roundTrips).toBeLessThanOrEqual(2);
  expect(own.data.history.items.length).toBeGreaterThan(0);
  const latest = own.data.history.items[0]!;
  expect(latest.causes.some((c) => c.kind === 'evaluation' && c.id.startsWith(RESCUE))).toBe(true);
  expect(own.data.value).toBe(latest.value);
  expect((await demo.call('projects', DONGSHAN, 'orgCredit', { orgId, streetId: 'jn-dongshan' })).ok).toBe(
    true,
  );
  const other = await demo.call('projects', LUKOU, 'orgCredit', { orgId, streetId: 'jn-dongshan' });
  expect(other.ok ? 'ok' : other.error.code).toBe('FORBIDDEN');

  const d = await demo.call('projects', LUKOU, 'dashboard', {});
  if (!d.ok) throw new Error(d.error.message);
  expect(d.roundTrips).toBe(1);
  const dash = d.data.dashboard!;
  expect(dash.contracts).toBe(docs('project_contracts').filter((c) => c.streetId === 'jn-lukou').length);
  const s = dash.standing;
  expect(s.on_track + s.at_risk + s.late + s.signing).toBe(dash.contracts);
  expect(dash.releasedFen).toBe(
    docs('project_contracts')
      .filter((c) => c.streetId === 'jn-lukou')
      .flatMap((c) => c.tranches)
      .filter((t: Doc) => t.released)
      .reduce((x: number, t: Doc) => x + t.amountFen, 0),
  );
  expect(dash.byOrg.map((o) => o.name).sort()).toEqual(
    [
      ...new Set(
        docs('project_contracts')
          .filter((c) => c.streetId === 'jn-lukou')
          .map((c) => c.orgName as string),
      ),
    ].sort(),
  );
});
