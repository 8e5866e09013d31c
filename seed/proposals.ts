/**
 * The proposals part of the demo (微公益提案), driven through the real functions: one round in each phase, with
 * proposals like 禄口's 幸福禄口·微公益 — a nurse's child-safety classes, cartoon signposts on village lanes, women's
 * yoga, smartphone lessons for elders — screened, voted on by the neighbours, funded, and accounted for with
 * milestones, receipts and completion. Time is moved on the cloud's clock so each round really went through its
 * phases (the timer fires at each date), then put back where it was.
 */
import { png } from './png';
import type { LocalCloud } from '../localcloud/cloud';
import type { ActionArgs, ActionInput, ActionName, ActionResult } from '../cloudfunctions/manifest';
import { callOk } from './call';
import type { AccountSeed } from './account';

const DAY = 24 * 60 * 60_000;
const LUKOU_ADMIN = 'demo-admin-lukou';
const MOLING_ADMIN = 'demo-admin-moling';
const DONGSHAN_ADMIN = 'demo-admin-dongshan';

/** Residents who appear only in the proposals demo (they log in and fill their profile like anyone). */
const PROPOSERS = [
  {
    openid: 'demo-proposer-nurse',
    nickname: '周护士',
    realName: '周丽萍',
    birthYear: 1983,
    communityId: 'jn-lukou-lukou',
  },
  {
    openid: 'demo-proposer-sun',
    nickname: '孙师傅',
    realName: '孙建华',
    birthYear: 1968,
    communityId: 'jn-lukou-tongshan',
  },
  {
    openid: 'demo-proposer-wu',
    nickname: '吴老师',
    realName: '吴静',
    birthYear: 1979,
    communityId: 'jn-lukou-xinqiao',
  },
  {
    openid: 'demo-proposer-gao',
    nickname: '高大姐',
    realName: '高美华',
    birthYear: 1965,
    communityId: 'jn-moling-moling',
  },
  {
    openid: 'demo-proposer-ma',
    nickname: '马老师',
    realName: '马文涛',
    birthYear: 1958,
    communityId: 'jn-dongshan-dongshan',
  },
] as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const CALLS = ['阿姨', '大爷', '奶奶', '爷爷', '大姐', '师傅', '老师', '小哥'];

/** Neighbours who vote: `n` residents spread over the given communities. */
function voters(prefix: string, communities: readonly string[], n: number) {
  return Array.from({ length: n }, (_x, i) => ({
    openid: `demo-voter-${prefix}-${String(i + 1).padStart(2, '0')}`,
    nickname: `${SURNAMES[i % SURNAMES.length]}${CALLS[(i * 7) % CALLS.length]}`,
    birthYear: 1940 + ((i * 13) % 60),
    communityId: communities[i % communities.length]!,
  }));
}

const LUKOU = [
  'jn-lukou-lukou',
  'jn-lukou-xinqiao',
  'jn-lukou-tongshan',
  'jn-lukou-shinian',
  'jn-lukou-lugang',
];
const LUKOU_VOTERS = voters('lk', LUKOU, 36);
const MOLING_VOTERS = voters('ml', ['jn-moling-moling', 'jn-moling-yinxiang', 'jn-moling-mozhou'], 14);
const DONGSHAN_VOTERS = voters('ds', ['jn-dongshan-dongshan'], 4);

/** A proposal as the seed writes it. */
interface Idea {
  by: string;
  title: string;
  summary: string;
  details: string;
  lines: [string, number][];
  months: number;
  who: string;
  count: number;
  co?: string[];
  photo?: [number, number, number];
}

const IDEAS = {
  safety: {
    by: 'demo-proposer-nurse',
    title: '儿童安全小课堂',
    summary: '社区护士带孩子们学急救、防溺水、认交通标志，每月两次。',
    details:
      '由社区卫生服务站护士周丽萍牵头，每月第二、四个周六上午在社区活动室开课，共十次：防溺水、用电安全、交通标志、被烫伤怎么办、简单包扎。每次约 30 名孩子，家长可以陪同。',
    lines: [
      ['急救教具和模拟人', 1800],
      ['宣传折页印制', 600],
      ['小奖品', 800],
      ['志愿者午餐补贴', 800],
    ],
    months: 5,
    who: '6—12 岁儿童及家长',
    count: 300,
    co: ['陈桂芳', '刘敏'],
    photo: [86, 170, 140],
  },
  signs: {
    by: 'demo-proposer-sun',
    title: '村巷卡通指示牌',
    summary: '在村里几条小巷口装上卡通指示牌，老人孩子不迷路，快递外卖也好找。',
    details:
      '铜山社区几个自然村巷子多、岔路多，外来人员和老人常走错。计划在 12 个路口装卡通风格的指示牌，标明卫生室、村委会、公交站和各组方位，由村里会木工的志愿者安装。',
    lines: [
      ['指示牌制作（12 块）', 3600],
      ['立杆与安装材料', 1400],
      ['设计费', 1000],
    ],
    months: 4,
    who: '铜山社区村民和访客',
    count: 1200,
    photo: [240, 170, 60],
  },
  yoga: {
    by: 'demo-proposer-wu',
    title: '妇女健康瑜伽班',
    summary: '每周两次傍晚瑜伽课，帮家庭妇女放松身心、缓解腰颈疼痛。',
    details:
      '请有资质的瑜伽老师每周二、四晚 7 点在新桥社区文化广场上课，共 40 次。提供瑜伽垫，欢迎各年龄段女性参加，结束后组织健康讲座一次。',
    lines: [
      ['瑜伽老师课时费', 2400],
      ['瑜伽垫 30 张', 900],
      ['健康讲座', 300],
    ],
    months: 5,
    who: '社区妇女',
    count: 40,
    photo: [200, 110, 160],
  },
  phones: {
    by: 'demo-staff-xinyuan-2',
    title: '老人智能手机课',
    summary: '手把手教老人用微信视频、扫码付款、网上挂号，学会防范电话骗局。',
    details:
      '每周三下午在禄口社区老年活动室上课，一位志愿者带两三位老人，从开机、调大字体开始，到视频通话、扫码、网上挂号、识别骗局电话，共八次课，课后发放图文小手册。',
    lines: [
      ['图文手册印制', 800],
      ['志愿者交通补贴', 1200],
      ['投影和插线板', 1000],
    ],
    months: 4,
    who: '60 岁以上老人',
    count: 80,
    co: ['林晓燕'],
    photo: [70, 130, 220],
  },
  rails: {
    by: 'demo-resident-wang',
    title: '老楼楼道加装扶手',
    summary: '给没有电梯的老楼楼道装扶手，老人上下楼稳当些。',
    details:
      '花园路 12 号几栋老楼没有电梯，住着不少八十多岁的老人，楼梯扶手坏的坏、没的没。想给 3 个单元一到六楼装上不锈钢扶手，请物业师傅施工。',
    lines: [
      ['不锈钢扶手材料', 2600],
      ['安装人工', 1400],
    ],
    months: 2,
    who: '老楼住户，特别是高龄老人',
    count: 90,
    photo: [150, 150, 150],
  },
  reading: {
    by: 'demo-resident-zhang',
    title: '四点半课堂读书角',
    summary: '放学后孩子有个安静地方写作业、看书，家长下班再来接。',
    details: '在社区图书室布置读书角，购置图书和桌椅，工作日下午四点半到六点由大学生志愿者看护、辅导作业。',
    lines: [
      ['图书采购', 2000],
      ['桌椅', 1500],
      ['志愿者补贴', 1500],
    ],
    months: 6,
    who: '双职工家庭的小学生',
    count: 25,
    photo: [120, 180, 90],
  },
  dance: {
    by: 'demo-resident-zhang',
    title: '广场舞大音响',
    summary: '买一套大功率音响给广场舞队用。',
    details: '现在的音响声音太小，后排听不见，想换一套大功率的，晚上跳舞更热闹。',
    lines: [['音响设备', 3000]],
    months: 1,
    who: '广场舞队',
    count: 30,
  },
  haircut: {
    by: 'demo-proposer-gao',
    title: '助老义剪日',
    summary: '每月一次请理发师上门或在活动室给行动不便的老人理发。',
    details: '联系两位理发师，每月最后一个周五在秣陵社区活动室义剪，卧床老人由志愿者陪理发师上门，共六次。',
    lines: [
      ['理发师劳务', 1800],
      ['工具消毒用品', 400],
    ],
    months: 6,
    who: '行动不便的高龄老人',
    count: 120,
    photo: [210, 90, 80],
  },
  garden: {
    by: 'demo-proposer-gao',
    title: '楼顶共享菜园',
    summary: '把闲置楼顶改成共享菜园，邻里一起种菜、交流。',
    details: '利用 3 号楼闲置楼顶，铺设种植箱和滴灌，由报名的居民认领菜地，收获的蔬菜一部分送给独居老人。',
    lines: [
      ['种植箱和土', 2500],
      ['滴灌设备', 1500],
      ['种子农具', 500],
    ],
    months: 6,
    who: '3 号楼居民',
    count: 60,
    photo: [90, 160, 70],
  },
  lights: {
    by: 'demo-voter-ml-02',
    title: '背街小巷路灯补装',
    summary: '秣周路背后几条小巷晚上漆黑，补装太阳能路灯。',
    details: '经走访，有 4 条背街小巷没有路灯，老人晚上出门买菜、倒垃圾容易摔跤。计划补装 16 盏太阳能路灯。',
    lines: [
      ['太阳能路灯 16 盏', 6400],
      ['安装', 1600],
    ],
    months: 3,
    who: '周边住户',
    count: 500,
    photo: [250, 220, 100],
  },
  calligraphy: {
    by: 'demo-proposer-ma',
    title: '老年书法班',
    summary: '退休老师教书法，让老人们有个爱好、常出门走动。',
    details: '每周五上午在东山社区活动中心上课，提供笔墨纸砚，学期末办一次作品展。',
    lines: [
      ['笔墨纸砚', 1500],
      ['作品展布置', 700],
    ],
    months: 5,
    who: '社区老年人',
    count: 30,
    photo: [60, 60, 60],
  },
  checkups: {
    by: 'demo-resident-chen',
    title: '独居老人每周问候',
    summary: '青年志愿者每周给独居老人打电话、上门看看。',
    details: '组织 10 名青年志愿者结对 30 位独居老人，每周一次电话问候、每月一次上门，发现问题及时告诉社区。',
    lines: [
      ['志愿者交通补贴', 1600],
      ['慰问小礼品', 1200],
    ],
    months: 6,
    who: '独居老人',
    count: 30,
  },
  music: {
    by: 'demo-proposer-nurse',
    title: '高血压健康小屋',
    summary: '在社区设一个自助量血压点，每周护士坐诊一次。',
    details: '在禄口社区服务中心一楼设自助血压计和健康档案本，每周三上午护士坐诊，讲解用药和饮食。',
    lines: [
      ['电子血压计两台', 1600],
      ['健康档案本', 400],
      ['宣传展板', 500],
    ],
    months: 6,
    who: '高血压老人',
    count: 150,
    photo: [220, 80, 90],
  },
} satisfies Record<string, Idea>;

/** Runs `fn` over `items`, `width` at a time (the function host runs a few instances in parallel). */
async function inParallel<T>(
  items: readonly T[],
  width: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Drives one seeding run. */
class Seeder {
  private keys = 0;
  private made = { rounds: 0, proposals: 0, votes: 0, records: 0 };
  private readonly base: number;

  constructor(private readonly cloud: LocalCloud) {
    this.base = cloud.clock.now();
  }

  summary(): string {
    const m = this.made;
    return `${m.rounds} proposal rounds (one per phase), ${m.proposals} proposals, ${m.votes} votes, ${m.records} project records`;
  }

  private key(what: string): string {
    return `seed-${what}-${++this.keys}`;
  }

  /** Puts the clock at `days` from the seed's start (negative: the past). */
  at(days: number): void {
    this.cloud.clock.set(this.base + days * DAY);
  }

  /** Puts the clock there and lets the timer move whatever is due. */
  async timerAt(days: number): Promise<void> {
    this.at(days);
    const outcome = await this.cloud.timers.fire('proposals', 'advancePhases');
    if (!outcome.ok) throw new Error(`proposals timer failed: ${outcome.error.message}`);
    const reply = JSON.parse(outcome.resultJson) as { ok: boolean; error?: { message: string } };
    if (!reply.ok) throw new Error(`proposals timer failed: ${reply.error?.message}`);
  }

  call<A extends ActionName<'proposals'>>(
    openid: string,
    action: A,
    ...input: ActionArgs<'proposals', A>
  ): Promise<ActionResult<'proposals', A>> {
    return callOk(this.cloud, 'proposals', openid, action, ...input);
  }

  /** Logs people in and fills their profile, as the mini program would. */
  async join(
    people: readonly {
      openid: string;
      nickname: string;
      communityId: string;
      realName?: string;
      birthYear?: number;
    }[],
  ): Promise<void> {
    await inParallel(people, 8, async (p) => {
      await callOk(this.cloud, 'account', p.openid, 'login');
      await callOk(this.cloud, 'account', p.openid, 'updateProfile', {
        nickname: p.nickname,
        communityId: p.communityId,
        ...(p.realName ? { realName: p.realName } : {}),
        ...(p.birthYear ? { birthYear: p.birthYear } : {}),
      });
    });
  }

  /** Opens a round whose collecting starts now (dates in days from now). */
  async round(
    admin: string,
    scopeId: string,
    title: string,
    plan: { screening: number; voting: number; until: number; work: number; collecting?: number },
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const now = this.cloud.clock.now();
    const d = (days: number) => new Date(now + days * DAY).toISOString();
    const made = await this.call(admin, 'createRound', {
      idempotencyKey: this.key('round'),
      scopeId,
      title,
      totalBudget: 20000,
      schedule: {
        collectingFrom: d(plan.collecting ?? -0.01),
        screeningFrom: d(plan.screening),
        votingFrom: d(plan.voting),
        votingUntil: d(plan.until),
        workFrom: d(plan.work),
      },
      ...extra,
    });
    this.made.rounds += 1;
    return made.id;
  }

  /** A proposal saved as a draft, then (unless told) submitted. */
  async propose(roundId: string, idea: Idea, submit = true): Promise<string> {
    const photos = idea.photo
      ? [this.cloud.storage.putFile(`proposals/seed/${this.key('photo')}.png`, png(idea.photo))]
      : [];
    // The multi-step form: the title first, the rest on the next steps.
    const { id } = await this.call(idea.by, 'createProposal', {
      roundId,
      idempotencyKey: this.key('proposal'),
      title: idea.title,
    });
    await this.call(idea.by, 'updateProposal', {
      roundId,
      proposalId: id,
      summary: idea.summary,
      details: idea.details,
      budgetLines: idea.lines.map(([item, amount]) => ({ item, amount })),
      months: idea.months,
      beneficiaries: { who: idea.who, count: idea.count },
      coProposers: idea.co ?? [],
      photos,
    });
    if (submit) await this.call(idea.by, 'submitProposal', { roundId, proposalId: id });
    this.made.proposals += 1;
    return id;
  }

  async screen(
    admin: string,
    roundId: string,
    proposalId: string,
    decision: ActionInput<'proposals', 'screenProposal'>['decision'],
    note = '',
  ): Promise<void> {
    await this.call(admin, 'screenProposal', { roundId, proposalId, decision, note });
  }

  /** These voters support the proposal (each their own ballot, so in parallel). */
  async votes(roundId: string, proposalId: string, from: readonly { openid: string }[]): Promise<void> {
    await inParallel(from, 8, (v) => this.call(v.openid, 'vote', { roundId, proposalId }));
    this.made.votes += from.length;
  }

  async publish(
    admin: string,
    roundId: string,
    decisions: ActionInput<'proposals', 'publishResults'>['decisions'] = [],
  ): Promise<void> {
    const round = await this.call(admin, 'getRound', { roundId });
    await this.call(admin, 'publishResults', { roundId, expectedVersion: round.version, decisions });
  }

  async progress(
    by: string,
    roundId: string,
    proposalId: string,
    day: number,
    progress: number,
    served: number,
    note: string,
  ) {
    await this.call(by, 'recordProgress', {
      roundId,
      proposalId,
      idempotencyKey: this.key('progress'),
      progress,
      served,
      note,
      photos: [
        this.cloud.storage.putFile(`proposals/seed/${this.key('activity')}.png`, png([120, 160, 200])),
      ],
      at: new Date(this.base + day * DAY).toISOString(),
    });
    this.made.records += 1;
  }

  async spend(by: string, roundId: string, proposalId: string, day: number, item: string, amount: number) {
    await this.call(by, 'recordSpending', {
      roundId,
      proposalId,
      idempotencyKey: this.key('spending'),
      item,
      amount,
      receipts: [
        this.cloud.storage.putFile(
          `proposals/seed/${this.key('receipt')}.png`,
          png([245, 245, 235], 160, 220),
        ),
      ],
      at: new Date(this.base + day * DAY).toISOString(),
    });
    this.made.records += 1;
  }
}

/** Seeds the proposals demo; returns a short summary. */
export async function seedProposals(cloud: LocalCloud, account: AccountSeed): Promise<string> {
  void account;
  const offset = cloud.clock.offset();
  const s = new Seeder(cloud);
  try {
    await s.join([...PROPOSERS, ...LUKOU_VOTERS, ...MOLING_VOTERS, ...DONGSHAN_VOTERS]);
    const lk = LUKOU_VOTERS;

    // Closed: 2025's first round in 禄口, funded, done and accounted for.
    s.at(-300);
    const closed = await s.round(
      LUKOU_ADMIN,
      'jn-lukou',
      '幸福禄口·微公益 2025 年第一期',
      { screening: 14, voting: 21, until: 28, work: 35 },
      { totalBudget: 15000 },
    );
    const c = {
      safety: await s.propose(closed, IDEAS.safety),
      signs: await s.propose(closed, IDEAS.signs),
      yoga: await s.propose(closed, IDEAS.yoga),
      phones: await s.propose(closed, IDEAS.phones),
      dance: await s.propose(closed, IDEAS.dance),
    };
    await s.timerAt(-285.9);
    await s.screen(
      LUKOU_ADMIN,
      closed,
      c.dance,
      'reject',
      '购买大型设备不在微公益资助范围内，建议向文化站申请',
    );
    await s.screen(LUKOU_ADMIN, closed, c.signs, 'request_changes', '请写明 12 个路口的具体位置');
    for (const id of [c.safety, c.yoga, c.phones]) await s.screen(LUKOU_ADMIN, closed, id, 'accept');
    await s.call(IDEAS.signs.by, 'updateProposal', {
      roundId: closed,
      proposalId: c.signs,
      details: `${IDEAS.signs.details}位置：东村口、西村口、铜山小学门口、卫生室岔路口等 12 处（附位置图）。`,
    });
    await s.call(IDEAS.signs.by, 'submitProposal', { roundId: closed, proposalId: c.signs });
    await s.screen(LUKOU_ADMIN, closed, c.signs, 'accept');
    await s.timerAt(-278.9);
    await s.votes(closed, c.safety, lk.slice(0, 26));
    await s.votes(closed, c.signs, lk.slice(10, 31));
    await s.votes(closed, c.phones, lk.slice(20, 36));
    await s.votes(closed, c.yoga, lk.slice(0, 9));
    await s.timerAt(-272 + 0.01);
    await s.publish(LUKOU_ADMIN, closed);
    await s.timerAt(-265 + 0.01);
    s.at(-90);
    await s.progress(
      IDEAS.safety.by,
      closed,
      c.safety,
      -250,
      30,
      32,
      '第一课：防溺水，32 个孩子参加，家长也来了不少',
    );
    await s.spend(IDEAS.safety.by, closed, c.safety, -252, '急救模拟人 2 个', 1780);
    await s.spend(IDEAS.safety.by, closed, c.safety, -249, '宣传折页 1000 份', 586.5);
    await s.progress(
      IDEAS.safety.by,
      closed,
      c.safety,
      -180,
      100,
      268,
      '十次课全部上完，孩子们学会了心肺复苏的基本步骤',
    );
    await s.spend(IDEAS.safety.by, closed, c.safety, -185, '小奖品和午餐补贴', 1590);
    await s.progress(IDEAS.signs.by, closed, c.signs, -230, 50, 0, '6 块指示牌已装好');
    await s.spend(IDEAS.signs.by, closed, c.signs, -235, '指示牌制作 12 块', 3600);
    await s.spend(IDEAS.signs.by, closed, c.signs, -231, '立杆和水泥', 1388);
    await s.progress(
      IDEAS.signs.by,
      closed,
      c.signs,
      -200,
      100,
      1200,
      '12 块指示牌全部装好，快递员说好找多了',
    );
    await s.spend(IDEAS.signs.by, closed, c.signs, -201, '设计费', 1000);
    await s.progress(IDEAS.phones.by, closed, c.phones, -220, 100, 76, '八次课结束，76 位老人学会了视频通话');
    await s.spend(IDEAS.phones.by, closed, c.phones, -222, '手册、投影和补贴', 2960);
    for (const id of [c.safety, c.signs, c.phones])
      await s.call(LUKOU_ADMIN, 'confirmCompletion', {
        roundId: closed,
        proposalId: id,
        note: '已验收，账目和票据齐全',
      });

    // In progress: this year's first round in 禄口, two projects under way.
    s.at(-120);
    const work = await s.round(LUKOU_ADMIN, 'jn-lukou', '幸福禄口·微公益 2026 年第一期', {
      screening: 14,
      voting: 21,
      until: 28,
      work: 35,
    });
    const w = {
      rails: await s.propose(work, IDEAS.rails),
      yoga: await s.propose(work, IDEAS.yoga),
      reading: await s.propose(work, IDEAS.reading),
    };
    await s.timerAt(-105.9);
    for (const id of Object.values(w)) await s.screen(LUKOU_ADMIN, work, id, 'accept');
    await s.timerAt(-98.9);
    await s.votes(work, w.rails, lk.slice(0, 30));
    await s.votes(work, w.yoga, lk.slice(5, 24));
    await s.votes(work, w.reading, lk.slice(18, 36));
    await s.timerAt(-92 + 0.01);
    await s.publish(LUKOU_ADMIN, work);
    await s.timerAt(-85 + 0.01);
    s.at(-1);
    await s.progress(IDEAS.rails.by, work, w.rails, -70, 60, 0, '两个单元的扶手已装好，3 单元下周装');
    await s.spend(IDEAS.rails.by, work, w.rails, -72, '不锈钢扶手材料', 2580);
    await s.progress(IDEAS.yoga.by, work, w.yoga, -60, 40, 210, '已上 16 次课，每次二十多位姐妹参加');
    await s.spend(IDEAS.yoga.by, work, w.yoga, -75, '瑜伽垫 30 张', 897);
    await s.spend(IDEAS.yoga.by, work, w.yoga, -30, '老师课时费（前 16 次）', 960);
    await s.progress(IDEAS.reading.by, work, w.reading, -40, 30, 22, '读书角布置好了，每天二十来个孩子');
    await s.spend(IDEAS.reading.by, work, w.reading, -45, '图书 180 册', 1986.4);

    // Results: 秣陵's round has closed its vote; the admin has yet to publish.
    s.at(-30);
    const results = await s.round(
      MOLING_ADMIN,
      'jn-moling',
      '秣陵街道·邻里微心愿 第一期',
      { screening: 10, voting: 20, until: 27, work: 35 },
      { totalBudget: 15000, voteMode: 'budget' },
    );
    const r = {
      haircut: await s.propose(results, IDEAS.haircut),
      garden: await s.propose(results, IDEAS.garden),
      lights: await s.propose(results, IDEAS.lights),
    };
    await s.timerAt(-19.9);
    for (const id of Object.values(r)) await s.screen(MOLING_ADMIN, results, id, 'accept');
    await s.timerAt(-9.9);
    await s.votes(results, r.lights, MOLING_VOTERS.slice(0, 11));
    await s.votes(results, r.haircut, MOLING_VOTERS.slice(3, 14));
    await s.votes(results, r.garden, MOLING_VOTERS.slice(0, 4));

    // Voting: 禄口's second round, open now; 王奶奶 and 张明 have not voted yet.
    s.at(-12);
    const voting = await s.round(LUKOU_ADMIN, 'jn-lukou', '幸福禄口·微公益 2026 年第二期', {
      screening: 6,
      voting: 9,
      until: 16,
      work: 20,
    });
    const v = {
      bp: await s.propose(voting, IDEAS.music),
      signs: await s.propose(voting, {
        ...IDEAS.signs,
        title: '石埝村巷卡通指示牌',
        by: 'demo-proposer-sun',
      }),
      phones: await s.propose(voting, { ...IDEAS.phones, title: '老人智能手机进阶课' }),
    };
    await s.timerAt(-5.9);
    for (const id of Object.values(v)) await s.screen(LUKOU_ADMIN, voting, id, 'accept');
    await s.timerAt(-2.9);
    await s.votes(voting, v.bp, lk.slice(0, 14));
    await s.votes(voting, v.signs, lk.slice(8, 20));
    await s.votes(voting, v.phones, lk.slice(16, 25));

    // Screening: 东山社区's round, proposals waiting for the admin.
    s.at(-8);
    const screening = await s.round(
      DONGSHAN_ADMIN,
      'jn-dongshan-dongshan',
      '东山社区·微公益 第一期',
      {
        screening: 7,
        voting: 12,
        until: 19,
        work: 25,
      },
      { totalBudget: 10000, approvalLimit: 2 },
    );
    await s.propose(screening, IDEAS.calligraphy);
    const check = await s.propose(screening, IDEAS.checkups);
    await s.timerAt(-0.9);
    await s.screen(DONGSHAN_ADMIN, screening, check, 'request_changes', '请说明志愿者如何保护老人的隐私');

    // Collecting: 禄口社区's own round, open for ideas; 张明 has a draft.
    s.at(-3);
    const collecting = await s.round(
      LUKOU_ADMIN,
      'jn-lukou-lukou',
      '禄口社区·暖心微项目',
      {
        screening: 14,
        voting: 18,
        until: 25,
        work: 32,
      },
      { totalBudget: 10000 },
    );
    await s.propose(collecting, IDEAS.safety);
    await s.propose(collecting, IDEAS.reading, false);

    // Upcoming: 殷巷社区 announces its round for next week.
    s.at(0);
    await s.round(MOLING_ADMIN, 'jn-moling-yinxiang', '殷巷社区·微公益 第一期', {
      collecting: 7,
      screening: 21,
      voting: 28,
      until: 35,
      work: 42,
    });

    // Back to now: let the timer close 秣陵's vote (its date has passed).
    await s.timerAt(0);
    return s.summary();
  } finally {
    cloud.clock.advance(offset - cloud.clock.offset());
  }
}
