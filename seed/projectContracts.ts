/**
 * The demo's purchased-service contracts (禄口/东山 公益创投 round): four three-party contracts as the award makes
 * them (status `signing`, written straight into the store as the award half of the capability would), then signed
 * by the three parties, reported on, visited, spent against, evaluated and paid through the real functions. Their
 * indicators track the demo's real orders, hours, sign-ups and donations (seed/services, volunteering, charity).
 */
import type { ContractDoc, Indicator, Tranche } from '../cloudfunctions/projects/documents';
import { addMonths, monthKey, startOfMonth } from '../miniprogram/shared/calendar';
import type { LocalCloud } from '../localcloud/cloud';
import type { AccountSeed } from './account';
import { callOk } from './call';
import { png } from './png';

/** The supervisor of every demo contract: the district's 民政 officer (区委群工委 in the seeds' words). */
export const SUPERVISOR_OPENID = 'demo-admin-jiangning';

/** What a demo contract is made from. */
export interface ContractSpec {
  key: string;
  title: string;
  category: string;
  orgName: string;
  streetId: string;
  communityIds: string[];
  amountYuan: number;
  indicators: Indicator[];
  from: Date;
  to: Date;
  supervisorIds: string[];
}

const NAMES: Record<string, string> = {
  'jn-lukou': '禄口街道办事处',
  'jn-dongshan': '东山街道办事处',
};

/** Three tranches as the seeds describe them: 30 % on signing, 40 % at mid-term ≥ 合格, 30 % at final ≥ 合格. */
export function standardTranches(amountFen: number): Tranche[] {
  return [
    {
      key: 't1',
      label: '签约后拨付 30%',
      percent: 30,
      amountFen: Math.round(amountFen * 0.3),
      condition: { kind: 'signed' },
    },
    {
      key: 't2',
      label: '中期评估合格后拨付 40%',
      percent: 40,
      amountFen: Math.round(amountFen * 0.4),
      condition: { kind: 'evaluation', stage: 'mid', minGrade: '合格' },
    },
    {
      key: 't3',
      label: '终期评估合格后拨付 30%',
      percent: 30,
      amountFen: amountFen - Math.round(amountFen * 0.3) - Math.round(amountFen * 0.4),
      condition: { kind: 'evaluation', stage: 'final', minGrade: '合格' },
    },
  ];
}

/**
 * Writes a contract in `signing` as the award would (the award half of the capability makes these); returns its id.
 * Places' names and the organization's id come from the store.
 */
export function insertSigningContract(cloud: LocalCloud, spec: ContractSpec, now: Date): string {
  const org = cloud.store.docs('organizations').find((o) => o.name === spec.orgName) as
    { _id: string } | undefined;
  if (!org) throw new Error(`no organization ${spec.orgName}`);
  const places = cloud.store.docs('places') as { _id: string; name: string }[];
  const amountFen = spec.amountYuan * 100;
  const doc: ContractDoc = {
    _id: `contract-${spec.key}`,
    callId: `call-${spec.key}`,
    bidId: `bid-${spec.key}`,
    title: spec.title,
    category: spec.category,
    orgId: org._id,
    orgName: spec.orgName,
    streetId: spec.streetId,
    scopePath: ['jn', spec.streetId],
    communityIds: spec.communityIds,
    communityNames: spec.communityIds.map((id) => places.find((p) => p._id === id)?.name ?? id),
    parties: {
      buyer: { name: NAMES[spec.streetId] ?? spec.streetId },
      provider: { orgId: org._id, name: spec.orgName },
      supervisor: { name: '江宁区委群工委', userIds: spec.supervisorIds },
    },
    amountFen,
    budgetLines: [
      { key: 'staff', label: '人员经费', amountFen: Math.round(amountFen * 0.5) },
      { key: 'materials', label: '物资与餐费', amountFen: Math.round(amountFen * 0.3) },
      { key: 'activities', label: '活动与宣传', amountFen: amountFen - Math.round(amountFen * 0.8) },
    ],
    period: { from: spec.from, to: spec.to },
    indicators: spec.indicators,
    milestones: [
      { key: 'start', label: '项目启动', due: addMs(spec.from, 30) },
      { key: 'mid', label: '中期评估', due: new Date((spec.from.getTime() + spec.to.getTime()) / 2) },
      { key: 'end', label: '结项评估', due: spec.to },
    ],
    tranches: standardTranches(amountFen),
    signatures: [],
    status: 'signing',
    history: [{ kind: 'award', by: { id: 'system', name: '评审结果' }, at: now }],
    rev: 1,
    createdAt: now,
    updatedAt: now,
  };
  cloud.store.insert('project_contracts', [doc as unknown as Record<string, unknown>]);
  return doc._id;
}

/** A demo person's user id (staff added by later seed parts are not in the account seed's list). */
function userIdOf(cloud: LocalCloud, openid: string): string {
  const user = cloud.store.docs('users').find((u) => u.openid === openid) as { _id: string } | undefined;
  if (!user) throw new Error(`no user ${openid}`);
  return user._id;
}

const addMs = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** The four contracts of the round, over a year that began five months ago. */
export function demoContractSpecs(now: Date, supervisorId: string): ContractSpec[] {
  const from = startOfMonth(addMonths(monthKey(now), -5));
  const to = new Date(startOfMonth(addMonths(monthKey(now), 7)).getTime() - 1);
  const base = { from, to, supervisorIds: [supervisorId] };
  return [
    {
      ...base,
      key: 'lukou-meals',
      title: '禄口社区老年助餐助洁服务',
      category: '居家养老',
      orgName: '心苑社会工作服务中心',
      streetId: 'jn-lukou',
      communityIds: ['jn-lukou-lukou', 'jn-lukou-xinqiao'],
      amountYuan: 180_000,
      indicators: [
        {
          key: 'orders',
          label: '上门助餐助洁服务',
          kind: 'quantity',
          source: { kind: 'services.ordersCompleted' },
          target: 6,
          unit: '单',
        },
        {
          key: 'satisfaction',
          label: '回访满意率',
          kind: 'quality',
          source: { kind: 'services.satisfaction' },
          target: 90,
          unit: '%',
        },
        {
          key: 'hours',
          label: '志愿服务时长',
          kind: 'quantity',
          source: { kind: 'volunteering.hours' },
          target: 150,
          unit: '小时',
        },
      ],
    },
    {
      ...base,
      key: 'lukou-afterschool',
      title: '新桥·铜山 四点半课堂',
      category: '青少年服务',
      orgName: '心苑社会工作服务中心',
      streetId: 'jn-lukou',
      communityIds: ['jn-lukou-xinqiao', 'jn-lukou-tongshan'],
      amountYuan: 96_000,
      indicators: [
        {
          key: 'recruits',
          label: '招募志愿者',
          kind: 'quantity',
          source: { kind: 'volunteering.recruits' },
          target: 20,
          unit: '人',
        },
        {
          key: 'sessions',
          label: '课堂开展',
          kind: 'quantity',
          source: { kind: 'report' },
          target: 120,
          unit: '次',
        },
      ],
    },
    {
      ...base,
      key: 'dongshan-rescue',
      title: '东山社区应急技能培训',
      category: '安全应急',
      orgName: '江宁区蓝天应急救援协会',
      streetId: 'jn-dongshan',
      communityIds: ['jn-dongshan-dongshan', 'jn-dongshan-shangfang'],
      amountYuan: 60_000,
      indicators: [
        {
          key: 'trainings',
          label: '培训场次',
          kind: 'quantity',
          source: { kind: 'report' },
          target: 24,
          unit: '场',
        },
        {
          key: 'trained',
          label: '培训居民',
          kind: 'quantity',
          source: { kind: 'report' },
          target: 600,
          unit: '人次',
        },
      ],
    },
    {
      ...base,
      key: 'dongshan-mediation',
      title: '东山社区邻里调解与互助',
      category: '社区治理',
      orgName: '东山街道颐养服务站',
      streetId: 'jn-dongshan',
      communityIds: ['jn-dongshan-dongshan'],
      amountYuan: 80_000,
      indicators: [
        {
          key: 'cases',
          label: '调解邻里纠纷',
          kind: 'quantity',
          source: { kind: 'report' },
          target: 40,
          unit: '件',
        },
        {
          key: 'donations',
          label: '爱心物资送达',
          kind: 'quantity',
          source: { kind: 'charity.donationsDelivered' },
          target: 10,
          unit: '件',
        },
        {
          key: 'satisfaction',
          label: '回访满意率',
          kind: 'quality',
          source: { kind: 'services.satisfaction' },
          target: 90,
          unit: '%',
        },
      ],
    },
  ];
}

/** Who signs and works each contract, by its key. */
const PEOPLE: Record<string, { admin: string; staff: string }> = {
  'lukou-meals': { admin: 'demo-admin-lukou', staff: 'demo-staff-xinyuan-1' },
  'lukou-afterschool': { admin: 'demo-admin-lukou', staff: 'demo-staff-xinyuan-1' },
  'dongshan-rescue': { admin: 'demo-admin-dongshan', staff: 'demo-staff-lantian-1' },
  'dongshan-mediation': { admin: 'demo-admin-dongshan', staff: 'demo-staff-dongshan-1' },
};

const SHEET = (scale: number) =>
  [
    ['delivery', 30],
    ['records', 20],
    ['staff', 20],
    ['residents', 20],
    ['safety', 10],
  ].map(([key, max]) => ({ key: key as string, score: Math.round((max as number) * scale) }));

/** Seeds the contracts; returns a summary line. */
export async function seedProjectContracts(cloud: LocalCloud, account: AccountSeed): Promise<string> {
  const now = cloud.clock.date();
  const offsetBefore = cloud.clock.offset();
  const supervisorId = account.userIds[SUPERVISOR_OPENID]!;
  const specs = demoContractSpecs(now, supervisorId);
  // The year began five months ago: the contracts were signed then, reports came each month, visits in between;
  // the clock goes back for that and returns to where it was.
  const at = (month: string, day: number) =>
    cloud.clock.set(
      Math.min(startOfMonth(month).getTime() + ((day - 1) * 24 + 10) * 3_600_000, now.getTime() - 3_600_000),
    );
  const first = monthKey(specs[0]!.from);
  let reports = 0;
  let visits = 0;
  try {
    for (const spec of specs) {
      at(first, 8);
      const id = insertSigningContract(cloud, spec, cloud.clock.date());
      const who = PEOPLE[spec.key]!;
      await callOk(cloud, 'projects', who.admin, 'signContract', { contractId: id });
      await callOk(cloud, 'projects', who.staff, 'signContract', { contractId: id });
      await callOk(cloud, 'projects', SUPERVISOR_OPENID, 'signContract', {
        contractId: id,
        party: 'supervisor',
      });
      await callOk(cloud, 'projects', who.admin, 'releaseTranche', { contractId: id, trancheKey: 't1' });
      // Monthly reports for what no system record counts, each by the 5th of the next month, up to last month.
      const reported = spec.indicators.filter((i) => i.source.kind === 'report');
      if (reported.length > 0) {
        for (let m = monthKey(spec.from), k = 0; m < monthKey(now); m = addMonths(m, 1), k++) {
          at(addMonths(m, 1), 5);
          await callOk(cloud, 'projects', who.staff, 'submitReport', {
            contractId: id,
            month: m,
            values: reported.map((i) => ({
              indicatorKey: i.key,
              value: Math.round((i.target / 12) * (0.8 + 0.1 * (k % 3))),
            })),
            note: '按计划开展，台账已整理。',
            attachments: [],
            idempotencyKey: `seed-report-${spec.key}-${m}`,
          });
          reports += 1;
        }
      }
      // Two site visits by the supervisor (the second and fourth month), with a stand-in photo each.
      for (const [k, scale] of [0.9, 0.8].entries()) {
        at(addMonths(first, 1 + 2 * k), 15);
        const photo = cloud.storage.putFile(
          `projects/${supervisorId}/seed-${spec.key}-${k}.png`,
          png([120, 160, 200], 320, 200),
        );
        await callOk(cloud, 'projects', SUPERVISOR_OPENID, 'recordVisit', {
          contractId: id,
          location: { latitude: 31.85 + k * 0.001, longitude: 118.85 },
          photos: [photo],
          sheet: SHEET(scale),
          note: k === 0 ? '服务现场有序，台账齐全。' : '人员到岗，个别记录待补。',
          idempotencyKey: `seed-visit-${spec.key}-${k}`,
        });
        visits += 1;
      }
      at(addMonths(first, 2), 20);
      const receipt = cloud.storage.putFile(
        `projects/${userIdOf(cloud, who.staff)}/seed-receipt-${spec.key}.png`,
        png([230, 230, 210], 240, 320),
      );
      await callOk(cloud, 'projects', who.staff, 'recordSpending', {
        contractId: id,
        lineKey: 'materials',
        amountFen: Math.round(spec.amountYuan * 100 * 0.08),
        note: '第一季度物资采购',
        receipts: [receipt],
        idempotencyKey: `seed-spending-${spec.key}`,
      });
    }
  } finally {
    cloud.clock.advance(offsetBefore - cloud.clock.offset());
  }
  // The meal-help contract's mid-term evaluation (良好) and its second tranche.
  const meals = 'contract-lukou-meals';
  await callOk(cloud, 'projects', 'demo-admin-lukou', 'evaluate', {
    contractId: meals,
    stage: 'mid',
    expert: 86,
    financial: 84,
    comment: '助餐服务覆盖面好，回访满意；台账需按月归档。',
    idempotencyKey: 'seed-evaluation-lukou-meals-mid',
  });
  await callOk(cloud, 'projects', 'demo-admin-lukou', 'releaseTranche', {
    contractId: meals,
    trancheKey: 't2',
  });
  // Dashboards and credit as the refresh timer computes them.
  const refreshed = await cloud.timers.fire('projects', 'refresh');
  if (!refreshed.ok || !(JSON.parse(refreshed.resultJson ?? '{}') as { ok?: boolean }).ok)
    throw new Error(`projects refresh: ${JSON.stringify(refreshed)}`);
  return `${specs.length} contracts signed, ${reports} monthly reports, ${visits} visits, 1 evaluation, ${specs.length + 1} tranches released`;
}
