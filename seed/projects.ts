/**
 * The purchased-service projects side of the demo (政府购买服务 / 公益创投), written through the real functions:
 * 禄口's and 东山's qualified pools (organizations admitted, one waiting, one rejected with its reason); the
 * 2027 公益创投 round of 禄口街道 — built from the street's demand list, three bids (elder meal help 助餐, youth
 * after-school care 四点半课堂 — below the pass mark —, neighbourhood mediation 邻里调解), blind review by three experts
 * and a residents' representative, one conflict declared, a correction, the award, a complaint answered and the
 * contracts made, in `signing`; 东山's emergency-skills training (应急救护) purchase in review, one expert part-way
 * through; and 禄口's 2027 四点半课堂 call still open for bids. The clock goes back 40 days for the round and
 * returns to where it was.
 */
import type { ActionArgs, ActionName, ActionResult } from '../cloudfunctions/manifest';
import type { LocalCloud } from '../localcloud/cloud';
import { dateKey } from '../miniprogram/shared/calendar';
import type { AccountSeed } from './account';
import { callOk } from './call';

const DAY = 24 * 60 * 60_000;

/** People the projects demo adds: organizations' staff and the reviewers the streets appoint. */
export const PROJECT_PEOPLE = [
  {
    openid: 'demo-staff-tiaojie-1',
    nickname: '调解室 老周',
    realName: '周立新',
    communityId: 'jn-lukou-lukou',
  },
  {
    openid: 'demo-staff-jiuhu-1',
    nickname: '博爱救护 小吴',
    realName: '吴敏',
    communityId: 'jn-dongshan-dongshan',
  },
  {
    openid: 'demo-staff-xiyang-1',
    nickname: '夕阳红 小郑',
    realName: '郑丽',
    communityId: 'jn-lukou-tongshan',
  },
  { openid: 'demo-expert-sun', nickname: '孙老师', realName: '孙文博', communityId: 'jn-dongshan-baijiahu' },
  { openid: 'demo-expert-he', nickname: '何会计师', realName: '何静', communityId: 'jn-dongshan-shangfang' },
  { openid: 'demo-expert-ma', nickname: '马律师', realName: '马振华', communityId: 'jn-moling-moling' },
] as const;

/** Organizations the projects demo adds (created by their street's admin). */
const NEW_ORGS = {
  tiaojie: {
    name: '禄口邻里调解工作室',
    description: '人民调解员和法律志愿者组成，化解邻里、物业和家庭纠纷。',
    services: ['心理慰藉'],
    communityIds: ['jn-lukou-lukou', 'jn-lukou-xinqiao'],
    scopeId: 'jn-lukou',
    admin: 'demo-admin-lukou',
    staff: 'demo-staff-tiaojie-1',
  },
  jiuhu: {
    name: '江宁区博爱应急救护服务中心',
    description: '红十字救护员培训、急救知识进社区、自动除颤仪使用教学。',
    services: ['助医'],
    communityIds: ['jn-dongshan-dongshan', 'jn-dongshan-shangfang', 'jn-dongshan-zhushan'],
    scopeId: 'jn-dongshan',
    admin: 'demo-admin-dongshan',
    staff: 'demo-staff-jiuhu-1',
  },
  xiyang: {
    name: '江宁区夕阳红养老服务中心',
    description: '日间照料与上门助洁。',
    services: ['助洁'],
    communityIds: ['jn-lukou-tongshan'],
    scopeId: 'jn-lukou',
    admin: 'demo-admin-lukou',
    staff: 'demo-staff-xiyang-1',
  },
} as const;
type NewOrg = keyof typeof NEW_ORGS;

const SHEET = [
  { key: 'need', label: '需求契合度', weight: 25, max: 10 },
  { key: 'plan', label: '方案可行性', weight: 35, max: 10 },
  { key: 'team', label: '团队能力', weight: 20, max: 10 },
  { key: 'budget', label: '预算合理性', weight: 20, max: 10 },
];
const COMMENTS: Record<string, string> = {
  need: '回应了需求清单中的居民诉求',
  plan: '服务流程清楚，节点安排可行',
  team: '有持证社工和稳定志愿者',
  budget: '预算结构基本合理',
};
const TERMS = [
  { key: 'sign', label: '签约后首付', percent: 30, condition: { kind: 'signed' as const } },
  {
    key: 'mid',
    label: '中期评估后',
    percent: 40,
    condition: { kind: 'evaluation' as const, stage: 'mid' as const, minGrade: '合格' as const },
  },
  {
    key: 'final',
    label: '终期评估后',
    percent: 30,
    condition: { kind: 'evaluation' as const, stage: 'final' as const, minGrade: '合格' as const },
  },
];

/** Seeds the projects demo; returns a summary line. */
export async function seedProjects(cloud: LocalCloud, account: AccountSeed): Promise<string> {
  const offsetBefore = cloud.clock.offset();
  const base = cloud.clock.now();
  const at = (days: number) => cloud.clock.set(base + days * DAY);
  const day = (days: number) => dateKey(base + days * DAY);
  const p = <A extends ActionName<'projects'>>(
    who: string,
    action: A,
    ...input: ActionArgs<'projects', A>
  ): Promise<ActionResult<'projects', A>> => callOk(cloud, 'projects', who, action, ...input);

  try {
    at(-45);
    // People and organizations.
    const ids: Record<string, string> = { ...account.userIds };
    for (const person of PROJECT_PEOPLE) {
      ids[person.openid] = (await callOk(cloud, 'account', person.openid, 'login')).id;
      await callOk(cloud, 'account', person.openid, 'updateProfile', {
        nickname: person.nickname,
        realName: person.realName,
        communityId: person.communityId,
      });
    }
    const orgIds: Record<string, string> = { ...account.orgIds };
    const staffOf: Record<string, string> = {
      xinyuan: 'demo-staff-xinyuan-1',
      hongye: 'demo-staff-hongye-1',
    };
    for (const [key, o] of Object.entries(NEW_ORGS) as [NewOrg, (typeof NEW_ORGS)[NewOrg]][]) {
      const { admin, staff, ...input } = o;
      orgIds[key] = (
        await callOk(cloud, 'account', admin, 'createOrg', {
          ...input,
          services: [...input.services],
          communityIds: [...input.communityIds],
          idempotencyKey: `seed-org-${key}`,
        })
      ).id;
      await callOk(cloud, 'account', admin, 'grantRole', {
        targetUserId: ids[staff]!,
        targetRole: 'provider',
        orgId: orgIds[key],
      });
      staffOf[key] = staff;
    }

    // The pools: applications with their registration documents (uploaded as the staff member's own).
    const REG: Record<
      string,
      { no: string; year: number; fields: string[]; contact: string; phone: string }
    > = {
      xinyuan: {
        no: '52320115MJ5701234A',
        year: 2013,
        fields: ['居家养老', '助餐'],
        contact: '林晓燕',
        phone: '13905170011',
      },
      hongye: {
        no: '52320115MJ5709876B',
        year: 2011,
        fields: ['青少年服务', '社区营造'],
        contact: '宋雨',
        phone: '13905170021',
      },
      tiaojie: {
        no: '52320115MJ5712345C',
        year: 2018,
        fields: ['人民调解'],
        contact: '周立新',
        phone: '13905170031',
      },
      jiuhu: {
        no: '52320115MJ5723456D',
        year: 2016,
        fields: ['应急救护', '健康教育'],
        contact: '吴敏',
        phone: '13905170041',
      },
      xiyang: {
        no: '52320115MJ5734567E',
        year: 2021,
        fields: ['日间照料'],
        contact: '郑丽',
        phone: '13905170051',
      },
    };
    const apply = (org: string, streetId: string) => {
      const staff = staffOf[org]!;
      const r = REG[org]!;
      const fileId = cloud.storage.putFile(
        `projects/${ids[staff]!}/seed-${org}-registration.pdf`,
        Buffer.from('%PDF-1.4 登记证书（演示）'),
      );
      return p(staff, 'applyToPool', {
        streetId,
        orgId: orgIds[org]!,
        registrationNo: r.no,
        foundedYear: r.year,
        fields: r.fields,
        contactName: r.contact,
        contactPhone: r.phone,
        documents: [{ name: '社会组织登记证书', fileId }],
      });
    };
    const checklist = async (streetId: string, admin: string) =>
      (await p(admin, 'poolChecklist', { streetId })).items.map((i) => ({
        key: i.key,
        passed: true,
        note: '',
      }));
    const lukouList = await checklist('jn-lukou', 'demo-admin-lukou');
    for (const org of ['xinyuan', 'hongye', 'tiaojie', 'xiyang']) await apply(org, 'jn-lukou');
    const entry = (org: string, street: string) => `${street}:${orgIds[org]!}`;
    for (const org of ['xinyuan', 'hongye', 'tiaojie'])
      await p('demo-admin-lukou', 'assessPool', {
        entryId: entry(org, 'jn-lukou'),
        checklist: lukouList,
        admit: true,
      });
    await p('demo-admin-lukou', 'assessPool', {
      entryId: entry('xiyang', 'jn-lukou'),
      checklist: lukouList.map((c) =>
        c.key === 'record' ? { ...c, passed: false, note: '2025 年度报告未报送' } : c,
      ),
      admit: false,
      reason: '2025 年度报告未按时报送，补报后可重新申请',
    });
    // 东山 sets its own checklist (adding a safety item) and admits the rescue centre; 红叶 waits.
    await p('demo-admin-dongshan', 'setPoolChecklist', {
      streetId: 'jn-dongshan',
      items: [
        ...(await p('demo-admin-dongshan', 'poolChecklist', { streetId: 'jn-dongshan' })).items,
        { key: 'safety', label: '有服务安全预案和保险' },
      ],
    });
    await apply('jiuhu', 'jn-dongshan');
    await apply('hongye', 'jn-dongshan');
    await p('demo-admin-dongshan', 'assessPool', {
      entryId: entry('jiuhu', 'jn-dongshan'),
      checklist: await checklist('jn-dongshan', 'demo-admin-dongshan'),
      admit: true,
    });

    // 禄口's 2027 公益创投 round, built from the demand list.
    at(-40);
    const demands = (await p('demo-admin-lukou', 'demandList', { streetId: 'jn-lukou' })).slice(0, 3);
    const round = await p('demo-admin-lukou', 'publishCall', {
      streetId: 'jn-lukou',
      kind: 'venture',
      title: '2027年度禄口街道公益创投',
      category: '社区服务',
      description:
        '围绕需求清单中居民反映最多的助餐、青少年课后照看和邻里纠纷，向备选库内社会组织公开征集项目，每个项目 5 万至 10 万元，服务期一年。',
      targetGroups: ['高龄独居老人', '双职工家庭儿童', '社区居民'],
      communityIds: ['jn-lukou-lukou', 'jn-lukou-xinqiao', 'jn-lukou-tongshan'],
      demandIds: demands.map((d) => d.id),
      budgetCeilingFen: 25_000_000,
      periodFrom: day(5),
      periodTo: day(5 + 364),
      indicatorTemplates: [
        {
          key: 'served',
          label: '完成服务订单',
          kind: 'quantity',
          source: { kind: 'services.ordersCompleted' },
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
        {
          key: 'hours',
          label: '志愿服务时长',
          kind: 'quantity',
          source: { kind: 'volunteering.hours' },
          unit: '小时',
          minTarget: 200,
        },
      ],
      paymentTerms: TERMS,
      bidDeadline: day(-30),
      complaintDays: 5,
      scoreSheet: SHEET,
      passScore: 60,
      blind: true,
      reviewerIds: [
        ids['demo-expert-sun']!,
        ids['demo-expert-he']!,
        ids['demo-expert-ma']!,
        ids['demo-resident-zhang']!,
      ],
      supervisor: { name: '江宁区委社会工作部', userIds: [ids['demo-admin-jiangning']!] },
      idempotencyKey: 'seed-call-lukou-2027',
    });
    at(-36);
    const bid = (
      org: string,
      plan: string,
      lines: [string, number][],
      targets: [string, number][],
      team: [string, string, string][],
      submit = true,
    ) =>
      p(staffOf[org]!, 'saveBid', {
        callId: round.id,
        orgId: orgIds[org]!,
        plan,
        budgetLines: lines.map(([label, yuan]) => ({ label, amountFen: yuan * 100 })),
        targets: targets.map(([key, target]) => ({ key, target })),
        team: team.map(([name, role, qualification]) => ({ name, role, qualification })),
        submit,
      });
    const meal = await bid(
      'xinyuan',
      '“长者食堂+送餐到户”：在禄口社区、新桥社区设两个助餐点，为 80 岁以上独居老人每周五天送餐上门；每月电话回访，满意度低于 90% 的线路当月整改。',
      [
        ['餐食补贴', 48_000],
        ['送餐人员', 30_000],
        ['回访与管理', 12_000],
      ],
      [
        ['served', 2400],
        ['satisfaction', 93],
        ['hours', 300],
      ],
      [
        ['许静', '项目负责人', '中级社工师'],
        ['何建平', '送餐组长', '养老护理员'],
      ],
    );
    const afterSchool = await bid(
      'hongye',
      '“四点半课堂”：放学后到家长下班前，在新桥社区活动室开展作业辅导、安全教育和兴趣小组，由大学生志愿者和退休教师担任辅导员。',
      [
        ['志愿者补贴', 36_000],
        ['教具与场地', 18_000],
        ['安全保险', 6_000],
      ],
      [
        ['served', 400],
        ['satisfaction', 92],
        ['hours', 800],
      ],
      [
        ['宋雅琴', '项目负责人', '社工师'],
        ['王老师', '辅导员', '退休小学教师'],
      ],
    );
    const mediation = await bid(
      'tiaojie',
      '“老周调解室”：每周两个半天在禄口社区坐班，上门调解邻里、物业和家庭纠纷，重大纠纷联动司法所，每季度开展一次普法讲座。',
      [
        ['调解员补贴', 30_000],
        ['普法活动', 10_000],
        ['材料与宣传', 5_000],
      ],
      [
        ['served', 120],
        ['satisfaction', 90],
        ['hours', 240],
      ],
      [['周立新', '首席调解员', '人民调解员证']],
    );
    at(-29);
    const bids = { meal: meal.id, afterSchool: afterSchool.id, mediation: mediation.id };
    await p('demo-admin-lukou', 'prequalify', {
      callId: round.id,
      decisions: Object.values(bids).map((bidId) => ({ bidId, passed: true, reason: '' })),
    });
    // The reviewers: 马律师 once advised the mediation workshop and declares it.
    const reviewers = ['demo-expert-sun', 'demo-expert-he', 'demo-expert-ma', 'demo-resident-zhang'];
    for (const r of reviewers)
      await p(r, 'declareConflicts', {
        callId: round.id,
        orgIds: r === 'demo-expert-ma' ? [orgIds.tiaojie!] : [],
      });
    const marks: Record<string, Partial<Record<keyof typeof bids, number[]>>> = {
      'demo-expert-sun': { meal: [9, 8, 8, 7], afterSchool: [6, 6, 6, 7], mediation: [7, 7, 8, 8] },
      'demo-expert-he': { meal: [8, 8, 7, 9], afterSchool: [6, 5, 6, 6], mediation: [7, 6, 7, 8] },
      'demo-expert-ma': { meal: [9, 9, 8, 8], afterSchool: [6, 6, 5, 6] },
      'demo-resident-zhang': { meal: [10, 9, 9, 8], afterSchool: [5, 5, 6, 5], mediation: [9, 8, 8, 8] },
    };
    at(-25);
    for (const [who, m] of Object.entries(marks))
      for (const [k, scores] of Object.entries(m))
        await p(who, 'scoreBid', {
          bidId: bids[k as keyof typeof bids],
          criteria: SHEET.map((c, i) => ({ key: c.key, score: scores[i]!, comment: COMMENTS[c.key]! })),
        });
    // 何会计师 corrects her budget mark on the meal project: a new record, the first kept.
    const sheetOfHe = await p('demo-expert-he', 'reviewSheet', { callId: round.id });
    const heMeal = sheetOfHe.bids.find((b) => b.bidId === bids.meal)!.mine!;
    await p('demo-expert-he', 'scoreBid', {
      bidId: bids.meal,
      criteria: SHEET.map((c, i) => ({
        key: c.key,
        score: [8, 8, 7, 8][i]!,
        comment: c.key === 'budget' ? '送餐人员费用偏高，酌减' : COMMENTS[c.key]!,
      })),
      corrects: heMeal.scoreId,
      reason: '复核预算明细后调整预算合理性一项',
    });
    at(-22);
    await p('demo-admin-lukou', 'award', { callId: round.id });
    at(-20);
    const complaint = await p('demo-staff-hongye-1', 'fileComplaint', {
      callId: round.id,
      orgId: orgIds.hongye!,
      text: '我们的四点半课堂得分较低，希望复核居民代表对团队能力一项的评分依据。',
    });
    at(-18);
    await p('demo-admin-lukou', 'answerComplaint', {
      complaintId: complaint.id,
      upheld: false,
      answer:
        '经复核，四位评审均按评分表独立打分，汇总时已去掉最高分和最低分，结果无误。欢迎参加下一期四点半课堂专项。',
    });
    at(-15);
    const contracts = await p('demo-admin-lukou', 'makeContracts', { callId: round.id });

    // 东山's emergency-skills training purchase, in review.
    at(-20);
    const rescue = await p('demo-admin-dongshan', 'publishCall', {
      streetId: 'jn-dongshan',
      kind: 'purchase',
      title: '东山街道社区应急救护培训',
      category: '应急救护',
      description: '为东山、上坊、竹山三个社区的居民和楼栋长开展心肺复苏、除颤仪使用和常见意外处置培训。',
      targetGroups: ['楼栋长', '社区居民'],
      communityIds: ['jn-dongshan-dongshan', 'jn-dongshan-shangfang', 'jn-dongshan-zhushan'],
      budgetCeilingFen: 8_000_000,
      periodFrom: day(10),
      periodTo: day(10 + 180),
      indicatorTemplates: [
        {
          key: 'sessions',
          label: '培训场次',
          kind: 'quantity',
          source: { kind: 'report' },
          unit: '场',
          minTarget: 12,
        },
        {
          key: 'recruits',
          label: '招募应急志愿者',
          kind: 'quantity',
          source: { kind: 'volunteering.recruits' },
          unit: '人',
          minTarget: 30,
        },
      ],
      paymentTerms: [TERMS[0]!, { ...TERMS[2]!, percent: 70 }],
      bidDeadline: day(-3),
      complaintDays: 5,
      scoreSheet: SHEET,
      passScore: 60,
      blind: false,
      reviewerIds: [ids['demo-expert-sun']!, ids['demo-expert-he']!, ids['demo-admin-lukou']!],
      supervisor: { name: '东山街道社区服务中心', userIds: [ids['demo-admin-dongshan']!] },
      idempotencyKey: 'seed-call-dongshan-rescue',
    });
    at(-10);
    const rescueBid = await p('demo-staff-jiuhu-1', 'saveBid', {
      callId: rescue.id,
      orgId: orgIds.jiuhu!,
      plan: '红十字持证救护师资授课，每社区每月一场，理论加实操（模拟人、除颤训练机），考核合格者发放救护员证，并组建社区应急志愿者队伍。',
      budgetLines: [
        { label: '师资费', amountFen: 3_600_000 },
        { label: '教具耗材', amountFen: 1_800_000 },
        { label: '证书与保险', amountFen: 900_000 },
      ],
      targets: [
        { key: 'sessions', target: 18 },
        { key: 'recruits', target: 45 },
      ],
      team: [
        { name: '吴敏', role: '项目负责人', qualification: '红十字救护师资' },
        { name: '丁医生', role: '培训讲师', qualification: '急诊科主治医师' },
      ],
      submit: true,
    });
    at(-1);
    await p('demo-admin-dongshan', 'prequalify', {
      callId: rescue.id,
      decisions: [{ bidId: rescueBid.id, passed: true, reason: '' }],
    });
    await p('demo-expert-sun', 'declareConflicts', { callId: rescue.id, orgIds: [] });
    await p('demo-expert-sun', 'scoreBid', {
      bidId: rescueBid.id,
      criteria: SHEET.map((c, i) => ({ key: c.key, score: [9, 8, 9, 7][i]!, comment: COMMENTS[c.key]! })),
    });

    // 禄口's after-school call, open for bids: 红叶 has a draft.
    at(-2);
    const open = await p('demo-admin-lukou', 'publishCall', {
      streetId: 'jn-lukou',
      kind: 'purchase',
      title: '2027年禄口街道四点半课堂',
      category: '青少年服务',
      description: '为双职工家庭的小学生提供放学后到 18:00 的看护、作业辅导和安全教育。',
      targetGroups: ['小学生'],
      communityIds: ['jn-lukou-tongshan', 'jn-lukou-shinian'],
      budgetCeilingFen: 6_000_000,
      periodFrom: day(30),
      periodTo: day(30 + 300),
      indicatorTemplates: [
        {
          key: 'children',
          label: '服务儿童人次',
          kind: 'quantity',
          source: { kind: 'report' },
          unit: '人次',
          minTarget: 3000,
        },
        {
          key: 'hours',
          label: '志愿辅导时长',
          kind: 'quantity',
          source: { kind: 'volunteering.hours' },
          unit: '小时',
          minTarget: 500,
        },
      ],
      paymentTerms: TERMS,
      bidDeadline: day(12),
      complaintDays: 5,
      scoreSheet: SHEET,
      passScore: 60,
      blind: true,
      reviewerIds: [ids['demo-expert-sun']!, ids['demo-expert-ma']!, ids['demo-resident-zhang']!],
      supervisor: { name: '禄口街道社会事务办', userIds: [] },
      idempotencyKey: 'seed-call-lukou-after-school',
    });
    at(0);
    await p('demo-staff-hongye-1', 'saveBid', {
      callId: open.id,
      orgId: orgIds.hongye!,
      plan: '在铜山社区、石埝社区各设一个课堂，招募大学生志愿者。',
      budgetLines: [{ label: '志愿者补贴', amountFen: 3_000_000 }],
      targets: [{ key: 'children', target: 3600 }],
      team: [{ name: '宋雅琴', role: '项目负责人', qualification: '社工师' }],
      submit: false,
    });
    return `3 calls (open, in review, awarded with ${contracts.contractIds.length} contracts in signing), ${cloud.store.count('project_pool', {})} pool entries, ${cloud.store.count('project_scores', {})} scores`;
  } finally {
    cloud.clock.advance(offsetBefore - cloud.clock.offset());
  }
}

/** The demo's calls by title (tests and pictures find them this way). */
export const demoCallId = (cloud: LocalCloud, title: string) =>
  String(cloud.store.docs('project_calls').find((c) => c.title === title)!._id);
