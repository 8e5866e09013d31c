/**
 * A round of purchased services (政府购买服务 / 公益创投) on the full demo for actions.bench.ts, the whole life of a
 * call as its people do it: 禄口's admin keeps the pool's checklist and admits a new organization; publishes a call
 * (the projects tests' venture call, with one indicator reported monthly); the new organization and 心苑 bid; after
 * the deadline the admin prequalifies, the four reviewers declare conflicts and score, the admin awards, a bidder
 * complains and is answered, the contracts are made and signed by the three parties; then, in the service period,
 * a monthly report, a supervisor's visit, spending, the mid-term evaluation, an appeal and its correction, two
 * tranches released, the organization's credit, an amendment signed by all three, and a big-screen token.
 * The clock goes back 30 days for the call and returns for the service period (as seed/projects.ts does).
 * A new organization and call each round.
 */
import { monthKey } from '../../miniprogram/shared/calendar';
import { png } from '../../seed/png';
import { SUPERVISOR_OPENID } from '../../seed/projectContracts';
import {
  allPassed,
  application,
  bid,
  LUKOU_ADMIN,
  LUKOU_STREET,
  REVIEWERS,
  sheet,
  ventureCall,
  XINYUAN,
} from '../../test/cloud/projects/helpers';
import type { DemoCloud } from '../../test/support/demo';
import type { Attempt } from './attempt';

const DAY = 86_400_000;
const LUKOU = 'jn-lukou-lukou';
/** The monthly-reported indicator the call adds to the venture call's. */
const VISITS = { key: 'visits', target: 40 };
/** 日常监管评分表 (seed/projectContracts.ts's lines, near full marks). */
const VISIT_SHEET = [
  { key: 'delivery', score: 27 },
  { key: 'records', score: 18 },
  { key: 'staff', score: 18 },
  { key: 'residents', score: 18 },
  { key: 'safety', score: 9 },
];

/** Round `k` (0, 1, 2…). */
export async function projectsDay(demo: DemoCloud, attempt: Attempt, k: number): Promise<void> {
  const clock = demo.cloud.clock;
  const offsetBefore = clock.offset();
  const base = clock.now();
  const at = (days: number) => clock.set(base + days * DAY);
  const tag = `${k}-${base}`;
  const file = (userId: string, name: string) =>
    demo.cloud.storage.putFile(`projects/${userId}/bench-${tag}-${name}.png`, png([200, 200, 190], 8, 8));
  const staff = `bench-staff-${tag}`;
  /** From a new organization to its signed contract (the clock set back). */
  const toContract = async () => {
    // A new organization of 禄口 (its staff member signs in; the admin makes it and grants the role).
    const staffId = (await attempt('account', staff, 'login')).id;
    await attempt('account', staff, 'updateProfile', {
      nickname: `社工${k}`,
      realName: '赵晓东',
      communityId: LUKOU,
    });
    const orgId = (
      await attempt('account', LUKOU_ADMIN, 'createOrg', {
        name: `禄口睦邻服务社${k + 1}`,
        description: '为高龄独居老人提供上门探访和助餐服务。',
        services: ['助餐'],
        communityIds: [LUKOU],
        scopeId: LUKOU_STREET,
        idempotencyKey: `bench-org-${tag}`,
      })
    ).id;
    await attempt('account', LUKOU_ADMIN, 'grantRole', {
      targetUserId: staffId,
      targetRole: 'provider',
      orgId,
    });

    // The pool: the street keeps its checklist; the organization applies and is admitted.
    const list = await attempt('projects', LUKOU_ADMIN, 'poolChecklist', { streetId: LUKOU_STREET });
    await attempt('projects', LUKOU_ADMIN, 'setPoolChecklist', {
      streetId: LUKOU_STREET,
      items: list.items.map((i) => ({ key: i.key, label: i.label })),
    });
    const entry = await attempt('projects', staff, 'applyToPool', {
      ...application(demo, XINYUAN, orgId),
      documents: [{ name: '登记证书', fileId: file(staffId, 'registration') }],
    });
    await attempt('projects', LUKOU_ADMIN, 'assessPool', {
      entryId: entry.id,
      checklist: await allPassed(demo),
      admit: true,
    });

    // The call, open two days; two bids (one saved as a draft first).
    await attempt('projects', LUKOU_ADMIN, 'callForm', {});
    const input = ventureCall(demo, {}, 2);
    const call = await attempt('projects', LUKOU_ADMIN, 'publishCall', {
      ...input,
      indicatorTemplates: [
        ...input.indicatorTemplates,
        {
          key: VISITS.key,
          label: '入户探访',
          kind: 'quantity',
          source: { kind: 'report' },
          unit: '户次',
          minTarget: 20,
        },
      ],
    });
    const callId = call.id;
    const bidOf = (org: string, yuan: number, submit: boolean) => {
      const b = bid(callId, org, yuan, submit);
      return { ...b, targets: [...b.targets, VISITS] };
    };
    await attempt('projects', staff, 'saveBid', bidOf(orgId, 60_000, false));
    const ours = await attempt('projects', staff, 'saveBid', bidOf(orgId, 60_000, true));
    const theirs = await attempt(
      'projects',
      XINYUAN,
      'saveBid',
      bidOf(demo.seed.orgIds.xinyuan!, 80_000, true),
    );
    await attempt('projects', staff, 'bidDetail', { bidId: ours.id });

    // After the deadline: prequalification, review, award.
    at(-27);
    await attempt('projects', LUKOU_ADMIN, 'callDetail', { callId });
    await attempt('projects', LUKOU_ADMIN, 'prequalify', {
      callId,
      decisions: [ours.id, theirs.id].map((bidId) => ({ bidId, passed: true })),
    });
    for (const [i, reviewer] of REVIEWERS.entries()) {
      await attempt('projects', reviewer, 'myReviews', {});
      await attempt('projects', reviewer, 'declareConflicts', { callId, orgIds: [] });
      await attempt('projects', reviewer, 'reviewSheet', { callId });
      await attempt('projects', reviewer, 'scoreBid', sheet(ours.id, 7 + (i % 2)));
      await attempt('projects', reviewer, 'scoreBid', sheet(theirs.id, 8));
    }
    await attempt('projects', LUKOU_ADMIN, 'award', { callId });
    const complaint = await attempt('projects', staff, 'fileComplaint', {
      callId,
      orgId,
      text: '我们对方案可行性一项的评分有异议，请复核。',
    });
    await attempt('projects', LUKOU_ADMIN, 'answerComplaint', {
      complaintId: complaint.id,
      upheld: false,
      answer: '经复核，评分程序和结果无误。',
    });

    // The complaint window closed: contracts, signed by the three parties.
    at(-21);
    const { contractIds } = await attempt('projects', LUKOU_ADMIN, 'makeContracts', { callId });
    const contracts = demo.cloud.store.docs('project_contracts');
    const ownerOf = (id: string) => contracts.find((c) => c._id === id)?.orgId;
    const contractId = contractIds.find((id) => ownerOf(id) === orgId) ?? 'none';
    for (const id of contractIds) {
      await attempt('projects', ownerOf(id) === orgId ? staff : XINYUAN, 'signContract', { contractId: id });
      await attempt('projects', LUKOU_ADMIN, 'signContract', { contractId: id });
      await attempt('projects', SUPERVISOR_OPENID, 'signContract', { contractId: id, party: 'supervisor' });
    }
    return { staffId, orgId, contractId };
  };
  let signed: { staffId: string; orgId: string; contractId: string };
  try {
    at(-30);
    signed = await toContract();
  } finally {
    clock.advance(offsetBefore - clock.offset());
  }
  const { staffId, orgId, contractId } = signed;

  // In the service period (today).
  await attempt('projects', staff, 'submitReport', {
    contractId,
    month: monthKey(clock.now()),
    values: [{ indicatorKey: VISITS.key, value: 6 }],
    note: '本月入户探访 6 户次，台账已整理。',
    idempotencyKey: `bench-report-${tag}`,
  });
  const supervisorId = demo.seed.userIds[SUPERVISOR_OPENID]!;
  await attempt('projects', SUPERVISOR_OPENID, 'recordVisit', {
    contractId,
    location: { latitude: 31.737, longitude: 118.866 },
    photos: [file(supervisorId, 'visit')],
    sheet: VISIT_SHEET,
    note: '服务现场有序，台账齐全。',
    idempotencyKey: `bench-visit-${tag}`,
  });
  const detail = await attempt('projects', staff, 'contractDetail', { contractId });
  await attempt('projects', staff, 'recordSpending', {
    contractId,
    lineKey: detail.budget[0]?.lineKey ?? 'none',
    amountFen: 120_000,
    note: '探访志愿者交通补贴',
    receipts: [file(staffId, 'receipt')],
    idempotencyKey: `bench-spend-${tag}`,
  });
  await attempt('projects', LUKOU_ADMIN, 'releaseTranche', { contractId, trancheKey: 'sign' });
  const first = await attempt('projects', LUKOU_ADMIN, 'evaluate', {
    contractId,
    stage: 'mid',
    expert: 70,
    financial: 60,
    comment: '探访记录不全',
    idempotencyKey: `bench-eval-${tag}`,
  });
  await attempt('projects', staff, 'appealEvaluation', {
    evaluationId: first.id,
    reason: '探访签到表已补交，请复核',
  });
  await attempt('projects', LUKOU_ADMIN, 'evaluate', {
    contractId,
    stage: 'mid',
    expert: 84,
    financial: 80,
    comment: '复核后补充材料齐全',
    supersedes: first.id,
    idempotencyKey: `bench-eval-fix-${tag}`,
  });
  await attempt('projects', LUKOU_ADMIN, 'releaseTranche', { contractId, trancheKey: 'mid' });
  await attempt('projects', staff, 'orgCredit', { orgId, streetId: LUKOU_STREET });
  const amendment = await attempt('projects', staff, 'proposeAmendment', {
    contractId,
    reason: '辖区高龄独居老人增加，探访目标相应提高',
    targets: [{ key: VISITS.key, target: VISITS.target + 10 }],
    idempotencyKey: `bench-amend-${tag}`,
  });
  await attempt('projects', LUKOU_ADMIN, 'signAmendment', { amendmentId: amendment.id });
  await attempt('projects', SUPERVISOR_OPENID, 'signAmendment', {
    amendmentId: amendment.id,
    party: 'supervisor',
  });
  await attempt('projects', LUKOU_ADMIN, 'screenToken', {});
}
