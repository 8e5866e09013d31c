/**
 * Helpers for the projects cloud tests: the demo's people by role, a third organization of 禄口 made through the
 * account function, pool admission through the real function, and a 公益创投 call of 禄口 with four reviewers.
 */
import type { ActionInput } from '../../../cloudfunctions/manifest';
import { addDays, dateKey } from '../../../miniprogram/shared/calendar';
import type { DemoCloud } from '../../support/demo';

export const LUKOU_ADMIN = 'demo-admin-lukou';
export const MOLING_ADMIN = 'demo-admin-moling';
export const DISTRICT_ADMIN = 'demo-admin-jiangning';
export const XINYUAN = 'demo-staff-xinyuan-1';
export const HONGYE = 'demo-staff-hongye-1';
export const TIAOJIE = 'test-staff-tiaojie';
/** Reviewers: people the admin chooses (no global role). */
export const REVIEWERS = [
  'demo-admin-dongshan',
  'demo-resident-zhang',
  'demo-resident-chen',
  'demo-volunteer-zhao',
];
export const LUKOU_STREET = 'jn-lukou';

/** The user id of a demo person. */
export const userId = (demo: DemoCloud, openid: string) => {
  const id = demo.seed.userIds[openid] ?? extraIds[openid];
  if (!id) throw new Error(`no user ${openid}`);
  return id;
};
const extraIds: Record<string, string> = {};

/** A third organization (禄口邻里调解工作室) with one staff member; returns its id. */
export async function makeMediationOrg(demo: DemoCloud): Promise<string> {
  const me = await demo.ok('account', TIAOJIE, 'login');
  extraIds[TIAOJIE] = me.id;
  await demo.ok('account', TIAOJIE, 'updateProfile', {
    nickname: '调解员老周',
    realName: '周立新',
    communityId: 'jn-lukou-lukou',
  });
  const org = await demo.ok('account', LUKOU_ADMIN, 'createOrg', {
    name: '禄口邻里调解工作室',
    description: '人民调解员和法律志愿者组成，化解邻里纠纷。',
    services: ['心理慰藉'],
    communityIds: ['jn-lukou-lukou'],
    scopeId: LUKOU_STREET,
    idempotencyKey: 'test-org-tiaojie',
  });
  await demo.ok('account', LUKOU_ADMIN, 'grantRole', {
    targetUserId: me.id,
    targetRole: 'provider',
    orgId: org.id,
  });
  return org.id;
}

/** A pool application of `orgId` by its staff member `openid`, with one document of their own. */
export function application(
  demo: DemoCloud,
  openid: string,
  orgId: string,
  extra: Partial<ActionInput<'projects', 'applyToPool'>> = {},
): ActionInput<'projects', 'applyToPool'> {
  return {
    streetId: LUKOU_STREET,
    orgId,
    registrationNo: '52320115MJ5678901X',
    foundedYear: 2015,
    fields: ['养老服务'],
    contactName: '林晓燕',
    contactPhone: '13905170011',
    documents: [{ name: '登记证书', fileId: `cloud://demo.bucket/projects/${userId(demo, openid)}/reg.pdf` }],
    ...extra,
  };
}

/** Every checklist item passed. */
export const allPassed = async (demo: DemoCloud) =>
  (await demo.ok('projects', LUKOU_ADMIN, 'poolChecklist', { streetId: LUKOU_STREET })).items.map((i) => ({
    key: i.key,
    passed: true,
  }));

/** The 禄口 call's input: a 公益创投 round, blind, four reviewers, deadline `deadlineIn` days from now. */
export function ventureCall(
  demo: DemoCloud,
  extra: Partial<ActionInput<'projects', 'publishCall'>> = {},
  deadlineIn = 7,
): ActionInput<'projects', 'publishCall'> {
  const day = (n: number) => addDays(dateKey(demo.cloud.clock.now()), n);
  return {
    streetId: LUKOU_STREET,
    kind: 'venture',
    title: '2027年禄口街道公益创投',
    category: '为老服务',
    description: '面向辖区老年人、青少年的社区服务项目。',
    targetGroups: ['老年人', '青少年'],
    communityIds: ['jn-lukou-lukou', 'jn-lukou-xinqiao'],
    budgetCeilingFen: 20_000_000,
    periodFrom: day(deadlineIn + 20),
    periodTo: day(deadlineIn + 20 + 300),
    indicatorTemplates: [
      {
        key: 'orders',
        label: '完成助餐服务',
        kind: 'quantity',
        source: { kind: 'services.ordersCompleted', categories: ['助餐'] },
        unit: '单',
        minTarget: 100,
      },
      {
        key: 'satisfaction',
        label: '回访满意度',
        kind: 'quality',
        source: { kind: 'services.satisfaction' },
        unit: '%',
        minTarget: 90,
      },
    ],
    paymentTerms: [
      { key: 'sign', label: '签约后首付', percent: 30, condition: { kind: 'signed' } },
      {
        key: 'mid',
        label: '中期款',
        percent: 40,
        condition: { kind: 'evaluation', stage: 'mid', minGrade: '合格' },
      },
      {
        key: 'final',
        label: '尾款',
        percent: 30,
        condition: { kind: 'evaluation', stage: 'final', minGrade: '合格' },
      },
    ],
    bidDeadline: day(deadlineIn),
    complaintDays: 5,
    scoreSheet: [
      { key: 'need', label: '需求契合度', weight: 30, max: 10 },
      { key: 'plan', label: '方案可行性', weight: 40, max: 10 },
      { key: 'budget', label: '预算合理性', weight: 30, max: 10 },
    ],
    passScore: 60,
    blind: true,
    reviewerIds: REVIEWERS.map((r) => userId(demo, r)),
    supervisor: { name: '江宁区委社会工作部', userIds: [userId(demo, DISTRICT_ADMIN)] },
    idempotencyKey: `test-call-${Math.random().toString(36).slice(2)}`,
    ...extra,
  };
}

/** A complete bid. */
export function bid(
  callId: string,
  orgId: string,
  totalYuan: number,
  submit = true,
): ActionInput<'projects', 'saveBid'> {
  return {
    callId,
    orgId,
    plan: '每周五天为辖区高龄独居老人提供助餐服务，配送到户，并开展电话回访和满意度调查。',
    budgetLines: [
      { label: '人员费用', amountFen: Math.round(totalYuan * 60) },
      { label: '餐食补贴', amountFen: Math.round(totalYuan * 40) },
    ],
    targets: [
      { key: 'orders', target: 200 },
      { key: 'satisfaction', target: 92 },
    ],
    team: [{ name: '林晓燕', role: '项目负责人', qualification: '中级社工师' }],
    submit,
  };
}

/** A score sheet's input with every criterion at `score` (0–10). */
export const sheet = (bidId: string, score: number, corrects?: string, reason = '') => ({
  bidId,
  criteria: [
    { key: 'need', score, comment: '切合辖区老人需求' },
    { key: 'plan', score, comment: '方案清楚，可执行' },
    { key: 'budget', score, comment: '预算基本合理' },
  ],
  ...(corrects ? { corrects, reason } : {}),
});
