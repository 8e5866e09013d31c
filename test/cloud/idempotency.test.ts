/**
 * Idempotent replays answer alike (issue 11, item 4): for every action whose input takes an `idempotencyKey` —
 * found in the capabilities' contracts, so a new one cannot be left out — 20 calls with one key at once all
 * succeed with the same data and have one effect (one document, counters and capacities moved once, one
 * message), and a replay after they all finished answers the same again.
 *
 * Each action's case picks what it acts on from the full demo community (or makes it through the real functions
 * first) and names what one effect moves. The cases make the twins compete for the scarce thing where an action
 * has one: the last place of a half day, all the units a need has, the only proposal an author may make, one
 * demand line — where a twin that lost to its own twin used to be told LIMIT_REACHED or CONFLICT.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { idempotentId } from '../../cloudfunctions/common/ids';
import type { ActionInput, ActionName, FunctionName } from '../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../support/demo';
import { addDays, dateKey, slotKey } from '../../miniprogram/shared/calendar';

/** Calls with one key at once. */
const TWINS = 20;
const DAY = 86_400_000;

type Payload = Record<string, unknown>;
type Doc = Record<string, unknown>;

/** What an action needs to be replayed: who calls, what it acts on, and what one effect moves. */
interface ReplayCase {
  /** The caller's openid (or how to find it in the demo). */
  as: string | (() => string);
  /** Makes or finds what the action acts on; returns its input without the key. */
  prepare(): Promise<Payload>;
  /** Measures of the effect (document counts, counters), read from the store. */
  measure(payload: Payload): Record<string, number>;
  /** How far one effect moves each measure; `messages` (subscription messages sent) is measured for every case. */
  moves: Record<string, number>;
}

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo?.close());

// ---- What the contracts say takes a key --------------------------------------------------------------------

/** Whether a zod schema (an object, possibly refined or piped) has an `idempotencyKey` field. */
function takesKey(schema: unknown): boolean {
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } };
  if (s?.shape && typeof s.shape === 'object') return 'idempotencyKey' in s.shape;
  const def = s?._zod?.def;
  return Boolean(def && ['in', 'innerType', 'schema'].some((k) => def[k] && takesKey(def[k])));
}

/** `function.action` for every action of every capability whose input takes an idempotency key. */
function keyedActions(): string[] {
  const root = path.join(__dirname, '..', '..', 'cloudfunctions');
  const found: string[] = [];
  for (const fn of readdirSync(root)) {
    const file = path.join(root, fn, 'contract.ts');
    if (!existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const contract = require(file) as Record<string, unknown>;
    for (const [name, inputs] of Object.entries(contract)) {
      if (!name.endsWith('Inputs') || !inputs || typeof inputs !== 'object') continue;
      for (const [act, schema] of Object.entries(inputs)) if (takesKey(schema)) found.push(`${fn}.${act}`);
    }
  }
  // A contract may export its inputs in parts and joined (projects: poolInputs, …, projectsInputs): once each.
  return [...new Set(found)].sort();
}

// ---- Small readers over the demo -----------------------------------------------------------------------------

const now = () => demo.cloud.clock.now();
const iso = (ms: number) => new Date(ms).toISOString();
const docs = (coll: string, where: (d: Doc) => boolean = () => true) =>
  demo.cloud.store.docs(coll).filter(where);
const docOf = (coll: string, id: unknown) => docs(coll, (d) => d._id === id)[0];
const howMany = (coll: string, where?: (d: Doc) => boolean) => docs(coll, where).length;
const orgId = (key: 'xinyuan' | 'hongye') => demo.seed.orgIds[key];
/** The demo room of this name. */
const roomNamed = (name: string) => docs('rooms', (r) => r.name === name)[0]!._id as string;
/** A half day `days` after today in Beijing. */
const slotIn = (days: number) => slotKey(addDays(dateKey(now()), days), 'am');
/** A round schedule whose collecting is open now. */
const openSchedule = () => {
  const t = now() - 0.01 * DAY;
  return {
    collectingFrom: iso(t),
    screeningFrom: iso(t + 2 * DAY),
    votingFrom: iso(t + 4 * DAY),
    votingUntil: iso(t + 6 * DAY),
    workFrom: iso(t + 7 * DAY),
  };
};
let keys = 0;
const freshKey = (what: string) => `replay-${what}-${++keys}-${Math.random().toString(36).slice(2, 8)}`;

const LUKOU_ADMIN = 'demo-admin-lukou';
const LUKOU = 'jn-lukou-lukou';

const XINYUAN_STAFF = 'demo-staff-xinyuan-1';

/** proposeItem's input: a free item of 心苑 for 禄口社区 with `capacity` places per half day. */
const itemInput = (
  name: string,
  capacity: number,
): Omit<ActionInput<'services', 'proposeItem'>, 'idempotencyKey'> => ({
  name,
  category: '助洁',
  description: `${name}，工作人员上门服务`,
  unit: '次',
  priceType: 'free',
  priceYuan: 0,
  eligibility: [],
  communityIds: [LUKOU],
  capacityPerSlot: capacity,
  durationMinutes: 60,
});

/** Such an item on the menu (proposed by 心苑's staff, approved by the street admin); its id. */
async function approvedItem(name: string, capacity: number): Promise<string> {
  const made = await demo.ok('services', XINYUAN_STAFF, 'proposeItem', {
    ...itemInput(name, capacity),
    idempotencyKey: freshKey('item'),
  });
  await demo.ok('services', LUKOU_ADMIN, 'reviewItem', { itemId: made.id, decision: 'approve' });
  return made.id;
}

/** A recipient in 禄口社区 (registered through the function). */
async function recipient(name: string, address: string): Promise<string> {
  const made = await demo.ok('charity', LUKOU_ADMIN, 'registerRecipient', {
    name,
    category: 'elder80',
    birthYear: 1941,
    communityId: LUKOU,
    address,
    consent: { method: 'signed' },
    idempotencyKey: freshKey('recipient'),
  });
  return made.id;
}

/** A need of a fresh recipient (the quantity given). */
async function need(quantity: number): Promise<string> {
  const made = await demo.ok('charity', LUKOU_ADMIN, 'postNeed', {
    recipientId: await recipient('钱大爷', `禄口社区新街 ${++keys} 号`),
    item: '电暖器',
    itemCategory: 'appliance',
    unit: '台',
    quantity,
    estimatedValue: 200,
    story: '老人冬天怕冷，屋里没有取暖的电器。',
    deadline: iso(now() + 30 * DAY),
    idempotencyKey: freshKey('need'),
  });
  return made.id;
}

/** Submissions taken from every reporter's daily quota. */
const sumQuota = () => docs('report_quotas').reduce((n, q) => n + (q.n as number), 0);

/** A demo person's user id. */
const userIdOf = (openid: string) => docs('users', (u) => u.openid === openid)[0]!._id as string;
/** The 禄口 street's charity supermarket (its id is the street's). */
const lukouSupermarket = () => docOf('charity_supermarkets', 'jn-lukou')!._id as string;

/** A funded project of the round in progress, with its proposer. */
function fundedProject(): { roundId: string; proposalId: string; as: string; receipt: string } {
  const round = docs('proposal_rounds', (r) => r.phase === 'in_progress')[0]!;
  const spent = docs('proposal_reports', (r) => r.roundId === round._id && r.kind === 'spending')[0]!;
  const author = docOf('users', spent.by)!;
  return {
    roundId: round._id as string,
    proposalId: spent.proposalId as string,
    as: author.openid as string,
    receipt: (spent.receipts as string[])[0]!,
  };
}

/** A record the proposer of a funded project makes on it (`fields` besides the project). */
function projectRecord(fields: (project: ReturnType<typeof fundedProject>) => Payload): ReplayCase {
  return {
    as: () => fundedProject().as,
    prepare: async () => {
      const project = fundedProject();
      return { roundId: project.roundId, proposalId: project.proposalId, ...fields(project) };
    },
    measure: (p) => ({ records: howMany('proposal_reports', (r) => r.proposalId === p.proposalId) }),
    moves: { records: 1 },
  };
}

// ---- One case per action that takes a key ----------------------------------------------------------------------

const CASES: Record<string, ReplayCase> = {
  'reports.submit': {
    // 随手拍 in 禄口社区's 东片网格 (a matter a patrol confirms first, so no message yet), with her own photo.
    as: 'demo-resident-zhang',
    prepare: async () => {
      const matterId = docs(
        'report_matters',
        (m) => m.streetId === 'jn-lukou' && m.name === '消防通道堵塞',
      )[0]!._id as string;
      const photo = demo.cloud.storage.putFile(
        `reports/${userIdOf('demo-resident-zhang')}/twin.png`,
        Buffer.from('PNG twin'),
      );
      return {
        matterId,
        location: { latitude: 31.7401, longitude: 118.8712 },
        address: '7 栋东侧',
        description: '消防通道停满了电动车',
        photos: [photo],
      };
    },
    measure: () => ({ reports: howMany('reports'), taken: sumQuota() }),
    moves: { reports: 1, taken: 1 },
  },
  'account.registerElder': {
    as: 'demo-admin-dongshan',
    prepare: async () => ({
      realName: '周桂芳',
      birthYear: 1939,
      communityId: 'jn-dongshan-dongshan',
      address: '江宁区东山街道东山社区竹山路 5 号',
    }),
    measure: () => ({ people: howMany('users') }),
    moves: { people: 1 },
  },
  'account.createOrg': {
    as: LUKOU_ADMIN,
    prepare: async () => ({
      name: '禄口邻里互助社',
      description: '邻里之间互相照应',
      services: ['助餐'],
      communityIds: [LUKOU],
      scopeId: 'jn-lukou',
    }),
    measure: () => ({ organizations: howMany('organizations') }),
    moves: { organizations: 1 },
  },
  'services.proposeItem': {
    as: XINYUAN_STAFF,
    prepare: async () => itemInput('午餐送餐', 3),
    measure: () => ({ items: howMany('service_items') }),
    moves: { items: 1 },
  },
  'services.placeOrder': {
    // One place in the half day: every twin but one finds it taken (by its own twin).
    as: 'demo-resident-zhang',
    prepare: async () => {
      const itemId = await approvedItem('理发上门', 1);
      return { itemId, slot: slotIn(2), note: '' };
    },
    measure: (p) => {
      const slots = docOf('service_items', p.itemId)!.slots as Record<string, Record<string, number>>;
      const taken = Object.values(slots[p.slot as string] ?? {}).reduce((s, n) => s + n, 0);
      return { orders: howMany('service_orders', (o) => o.itemId === p.itemId), places: taken };
    },
    moves: { orders: 1, places: 1 },
  },
  'services.adoptDemand': {
    // Two residents asked; each is told once. The line can be claimed once.
    as: LUKOU_ADMIN,
    prepare: async () => {
      await demo.ok('services', 'demo-resident-wang', 'requestService', {
        category: '助洁',
        text: '希望有人上门帮忙擦窗户',
      });
      await demo.ok('services', 'demo-resident-zhang', 'requestService', {
        category: '助洁',
        text: '老人家里的窗户擦不到',
      });
      const line = docs('service_demands', (d) => d.communityId === LUKOU && d.category === '助洁')[0]!;
      return {
        demandId: line._id,
        name: '上门擦窗',
        category: '助洁',
        description: '两人一组上门擦窗户',
        unit: '次',
        priceType: 'free',
        priceYuan: 0,
        eligibility: [],
        capacityPerSlot: 2,
        durationMinutes: 60,
        orgIds: [orgId('xinyuan')],
      };
    },
    measure: (p) => ({
      items: howMany('service_items'),
      adopted: howMany('service_demands', (d) => d._id === p.demandId && d.status === 'adopted'),
    }),
    moves: { items: 1, adopted: 1, messages: 2 },
  },
  'proposals.createRound': {
    as: LUKOU_ADMIN,
    prepare: async () => ({
      scopeId: 'jn-lukou-xinqiao',
      title: '新桥社区·微公益 第一期',
      description: '居民提出身边的小项目，大家投票决定资助哪些。',
      totalBudget: 10000,
      schedule: openSchedule(),
    }),
    measure: () => ({ rounds: howMany('proposal_rounds') }),
    moves: { rounds: 1 },
  },
  'proposals.createProposal': {
    // One proposal per author in this round: the twins compete for the author's only slot.
    as: 'demo-resident-wang',
    prepare: async () => {
      const round = await demo.ok('proposals', LUKOU_ADMIN, 'createRound', {
        idempotencyKey: freshKey('round'),
        scopeId: LUKOU,
        title: '禄口社区·一人一议',
        totalBudget: 10000,
        perAuthor: 1,
        schedule: openSchedule(),
      });
      return { roundId: round.id, title: '楼道加装扶手' };
    },
    measure: (p) => ({ proposals: howMany('proposals', (d) => d.roundId === p.roundId) }),
    moves: { proposals: 1 },
  },
  'proposals.recordProgress': projectRecord(() => ({
    progress: 80,
    served: 12,
    note: '第三单元的扶手也装好了',
  })),
  'proposals.recordSpending': projectRecord((project) => ({
    item: '膨胀螺丝',
    amount: 128.5,
    receipts: [project.receipt],
  })),
  'proposals.requestChange': {
    // The proposer asks to end the project: one request on the round, whichever twin writes it.
    as: () => fundedProject().as,
    prepare: async () => {
      const project = fundedProject();
      return {
        roundId: project.roundId,
        proposalId: project.proposalId,
        kind: 'abandon',
        reason: '场地收回，无法继续',
      };
    },
    measure: (p) => ({
      requests: ((docOf('proposal_rounds', p.roundId)!.changes as unknown[] | undefined) ?? []).length,
    }),
    moves: { requests: 1 },
  },
  'volunteering.createActivity': {
    as: XINYUAN_STAFF,
    prepare: async () => ({
      title: '社区义诊志愿服务',
      description: '协助医生量血压、引导排队。',
      orgId: orgId('xinyuan'),
      communityId: LUKOU,
      address: '禄口社区卫生服务站',
      location: { latitude: 31.737, longitude: 118.866 },
      startAt: iso(now() + 3 * DAY),
      endAt: iso(now() + 3 * DAY + 2 * 3600_000),
      capacity: 10,
      skills: [],
    }),
    measure: () => ({ activities: howMany('volunteer_activities') }),
    moves: { activities: 1 },
  },
  'volunteering.adjustHours': {
    // The ledger's next entry number is the contested thing.
    as: 'demo-staff-hongye-1',
    prepare: async () => {
      const credit = docs(
        'volunteer_hours',
        (e) => e.kind === 'credit' && (e.organizer as { id: string }).id === orgId('hongye'),
      )[0]!;
      return { signupId: credit.signupId, deltaMinutes: 15, reason: '帮忙收拾场地，多待了一刻钟' };
    },
    measure: (p) => ({ entries: howMany('volunteer_hours', (e) => e.signupId === p.signupId) }),
    moves: { entries: 1 },
  },
  'volunteering.issueCertificate': {
    as: 'demo-volunteer-zhao',
    prepare: async () => ({}),
    measure: () => ({ certificates: howMany('volunteer_certificates') }),
    moves: { certificates: 1 },
  },
  'charity.registerRecipient': {
    as: LUKOU_ADMIN,
    prepare: async () => ({
      name: '周大爷',
      category: 'elder80',
      birthYear: 1940,
      communityId: LUKOU,
      address: '禄口社区新街 3 号',
      consent: { method: 'signed' },
    }),
    measure: () => ({ recipients: howMany('charity_recipients') }),
    moves: { recipients: 1 },
  },
  'charity.postNeed': {
    as: LUKOU_ADMIN,
    prepare: async () => ({
      recipientId: await recipient('吴奶奶', '禄口社区新街 9 号'),
      item: '助行器',
      itemCategory: 'rehab',
      unit: '个',
      quantity: 1,
      estimatedValue: 150,
      story: '老人腿脚不便，出门需要助行器。',
      deadline: iso(now() + 30 * DAY),
    }),
    measure: () => ({ needs: howMany('charity_needs') }),
    moves: { needs: 1 },
  },
  'charity.allocate': {
    // One of the demo's received towels to a need, as a part of the gift: the twins make one part.
    as: XINYUAN_STAFF,
    prepare: async () => ({
      donationId: String(
        demo.cloud.store
          .docs('charity_donations')
          .find((d) => d.item === '毛巾' && d.kind === 'stock' && d.status === 'received')!._id,
      ),
      needId: await need(1),
      quantity: 1,
    }),
    measure: (p) => ({
      parts: howMany('charity_donations', (d) => d.giftId === p.donationId),
      available: docOf('charity_needs', p.needId)!.available as number,
    }),
    moves: { parts: 1, available: -1 },
  },
  'charity.claim': {
    // All three units at once: every twin but one finds them taken (by its own twin).
    as: 'demo-resident-chen',
    prepare: async () => ({ needId: await need(3), quantity: 3, pledgeBy: iso(now() + 3 * DAY) }),
    measure: (p) => ({
      donations: howMany('charity_donations', (d) => d.needId === p.needId),
      available: docOf('charity_needs', p.needId)!.available as number,
    }),
    moves: { donations: 1, available: -3 },
  },
  'charity.pledgeToStock': {
    as: 'demo-resident-zhang',
    prepare: async () => ({
      supermarketId: lukouSupermarket(),
      item: '大米',
      itemCategory: 'food',
      unit: '袋',
      quantity: 2,
      pledgeBy: iso(now() + 3 * DAY),
    }),
    measure: () => ({ donations: howMany('charity_donations') }),
    moves: { donations: 1 },
  },
  'charity.recordStocktake': {
    as: XINYUAN_STAFF,
    prepare: async () => ({
      supermarketId: lukouSupermarket(),
      counts: [{ item: '大米', unit: '袋', counted: 4 }],
    }),
    measure: () => ({ stocktakes: howMany('charity_stocktakes') }),
    moves: { stocktakes: 1 },
  },
  'volunteering.adjustPoints': {
    // The person's next ledger entry is the contested thing.
    as: 'demo-admin-jiangning',
    prepare: async () => ({
      targetUserId: userIdOf('demo-volunteer-zhao'),
      delta: 15,
      reason: '帮忙整理仓库',
    }),
    measure: (p) => ({ entries: howMany('points_entries', (e) => e.userId === p.targetUserId) }),
    moves: { entries: 1 },
  },
  'charity.addPointGoods': {
    as: XINYUAN_STAFF,
    prepare: async () => ({ supermarketId: lukouSupermarket(), name: '洗洁精', pointsPrice: 20, stock: 3 }),
    measure: () => ({ goods: howMany('charity_point_goods') }),
    moves: { goods: 1 },
  },
  'charity.redeem': {
    // The only unit on the shelf, and the person's next ledger entry.
    as: 'demo-resident-zhang',
    prepare: async () => {
      await demo.ok('volunteering', 'demo-admin-jiangning', 'adjustPoints', {
        targetUserId: userIdOf('demo-resident-zhang'),
        delta: 100,
        reason: '测试发放',
        idempotencyKey: freshKey('grant'),
      });
      const g = await demo.ok('charity', XINYUAN_STAFF, 'addPointGoods', {
        supermarketId: lukouSupermarket(),
        name: '挂面',
        pointsPrice: 30,
        stock: 1,
        idempotencyKey: freshKey('goods'),
      });
      return { goodsId: g.id };
    },
    measure: (p) => ({
      spends: howMany(
        'points_entries',
        (e) => e.kind === 'spend' && e.userId === userIdOf('demo-resident-zhang'),
      ),
      stock: docOf('charity_point_goods', p.goodsId)!.stock as number,
    }),
    moves: { spends: 1, stock: -1 },
  },
  'charity.givePoints': {
    // The giver's and the family member's next ledger entries.
    as: 'demo-resident-zhang',
    prepare: async () => {
      await demo.ok('volunteering', 'demo-admin-jiangning', 'adjustPoints', {
        targetUserId: userIdOf('demo-resident-zhang'),
        delta: 50,
        reason: '测试发放',
        idempotencyKey: freshKey('grant'),
      });
      return { targetUserId: userIdOf('demo-resident-wang'), points: 20 };
    },
    measure: (p) => ({
      gives: howMany(
        'points_entries',
        (e) => e.kind === 'give' && e.userId === userIdOf('demo-resident-zhang'),
      ),
      receives: howMany('points_entries', (e) => e.kind === 'receive' && e.userId === p.targetUserId),
    }),
    moves: { gives: 1, receives: 1 },
  },
  'rooms.book': {
    // The last place of a slot is the contested thing: 7 of the 乒乓球室's 8 are taken first.
    as: 'demo-resident-chen',
    prepare: async () => {
      const roomId = roomNamed('乒乓球室');
      const date = addDays(dateKey(now()), 9);
      await demo.ok('rooms', 'demo-resident-zhang', 'book', {
        roomId,
        date,
        start: 12 * 60,
        people: 7,
        purpose: '球友聚会',
        idempotencyKey: 'replay-rooms-first',
      });
      return { roomId, date, start: 12 * 60, people: 1, purpose: '练球' };
    },
    measure: (p) => ({
      bookings: howMany('room_bookings', (b) => b.roomId === p.roomId && b.date === p.date),
    }),
    moves: { bookings: 1 },
  },
  'rooms.proposeTeam': {
    as: 'demo-resident-chen',
    prepare: async () => ({
      roomId: roomNamed('舞蹈室'),
      name: '扇子舞队',
      weekday: 5,
      start: 9 * 60,
      end: 10 * 60,
    }),
    measure: () => ({ teams: howMany('room_teams') }),
    moves: { teams: 1 },
  },
  'rooms.reportIssue': {
    as: 'demo-resident-zhou',
    prepare: async () => ({ roomId: roomNamed('阅览室'), text: '靠窗的台灯不亮了' }),
    measure: () => ({ issues: howMany('room_issues') }),
    moves: { issues: 1 },
  },
  'rooms.createRoom': {
    as: 'demo-admin-lukou',
    prepare: async () => ({
      communityId: LUKOU,
      name: '书画室',
      kind: '书画室',
      capacity: 12,
      accessible: true,
      address: '禄口社区党群服务中心三楼',
      hours: Array.from({ length: 7 }, () => ({ open: 8 * 60, close: 17 * 60 })),
    }),
    measure: () => ({ rooms: howMany('rooms') }),
    moves: { rooms: 1 },
  },
  'projects.publishCall': {
    // A single purchase of 禄口 with one reviewer (the 东山 admin) and a report-based indicator.
    as: LUKOU_ADMIN,
    prepare: async () => {
      const day = (n: number) => addDays(dateKey(now()), n);
      return {
        streetId: 'jn-lukou',
        kind: 'purchase',
        title: '禄口社区老年人防诈骗宣讲',
        category: '宣传教育',
        targetGroups: ['老年人'],
        communityIds: [LUKOU],
        budgetCeilingFen: 3_000_000,
        periodFrom: day(20),
        periodTo: day(200),
        indicatorTemplates: [
          {
            key: 'talks',
            label: '宣讲场次',
            kind: 'quantity',
            source: { kind: 'report' },
            unit: '场',
            minTarget: 6,
          },
        ],
        paymentTerms: [{ key: 'all', label: '一次付清', percent: 100, condition: { kind: 'signed' } }],
        bidDeadline: day(10),
        scoreSheet: [{ key: 'plan', label: '方案', weight: 100, max: 100 }],
        blind: false,
        reviewerIds: [demo.seed.userIds['demo-admin-dongshan']!],
        supervisor: { name: '禄口街道社会事务办' },
      };
    },
    measure: () => ({ calls: howMany('project_calls') }),
    moves: { calls: 1 },
  },
  'charity.givePointsToNeed': {
    // The giver's next ledger entry and the need's points total.
    as: 'demo-resident-zhang',
    prepare: async () => {
      await demo.ok('volunteering', 'demo-admin-jiangning', 'adjustPoints', {
        targetUserId: userIdOf('demo-resident-zhang'),
        delta: 50,
        reason: '测试发放',
        idempotencyKey: freshKey('grant'),
      });
      return { needId: await need(1), points: 20 };
    },
    measure: (p) => ({
      gives: howMany(
        'points_entries',
        (e) => e.kind === 'give' && e.userId === userIdOf('demo-resident-zhang'),
      ),
      needPoints: (docOf('charity_needs', p.needId)!.pointsGiven as number | undefined) ?? 0,
    }),
    moves: { gives: 1, needPoints: 20 },
  },
  'projects.submitReport': {
    as: 'demo-staff-xinyuan-1',
    prepare: async () => ({
      contractId: 'contract-lukou-afterschool',
      month: dateKey(now()).slice(0, 7),
      values: [{ indicatorKey: 'sessions', value: 9 }],
      note: '本月课堂按计划开展。',
      attachments: [],
    }),
    measure: () => ({ reports: howMany('project_reports') }),
    moves: { reports: 1 },
  },
  'projects.recordVisit': {
    as: 'demo-admin-jiangning',
    prepare: async () => ({
      contractId: 'contract-lukou-meals',
      location: { latitude: 31.85, longitude: 118.85 },
      photos: [
        `cloud://mulin-local.bucket/projects/${userIdOf('demo-admin-jiangning')}/seed-lukou-meals-0.png`,
      ],
      sheet: ['delivery', 'records', 'staff', 'residents', 'safety'].map((key) => ({ key, score: 10 })),
      note: '',
    }),
    measure: () => ({ visits: howMany('project_visits') }),
    moves: { visits: 1 },
  },
  'projects.recordSpending': {
    as: 'demo-staff-xinyuan-1',
    prepare: async () => ({
      contractId: 'contract-lukou-meals',
      lineKey: 'staff',
      amountFen: 120_000,
      note: '社工补贴',
      receipts: [`cloud://mulin-local.bucket/projects/${userIdOf('demo-staff-xinyuan-1')}/r.png`],
    }),
    measure: () => ({ spending: howMany('project_spending') }),
    moves: { spending: 1 },
  },
  'projects.evaluate': {
    as: 'demo-admin-lukou',
    prepare: async () => ({
      contractId: 'contract-lukou-afterschool',
      stage: 'mid',
      expert: 80,
      financial: 75,
      comment: '',
    }),
    measure: () => ({ evaluations: howMany('project_evaluations') }),
    moves: { evaluations: 1 },
  },
  'projects.proposeAmendment': {
    as: 'demo-staff-lantian-1',
    prepare: async () => ({
      contractId: 'contract-dongshan-rescue',
      reason: '居民需求调研后增加培训场次',
      targets: [{ key: 'trainings', target: 99 }],
    }),
    measure: () => ({ amendments: howMany('project_amendments') }),
    moves: { amendments: 1 },
  },
  'charity.registerMerchant': {
    // A partner merchant of 禄口 with 陈 as its staff.
    as: LUKOU_ADMIN,
    prepare: async () => ({
      streetId: lukouSupermarket(),
      name: '老陈理发店',
      kind: '理发',
      address: '禄口街道机场路 8 号',
      staffPhones: ['13851700104'],
    }),
    measure: () => ({ merchants: howMany('charity_merchants') }),
    moves: { merchants: 1 },
  },
};

/** A read each function answers for anyone (it starts an instance and its database connection). */
const WARM_UP: { [F in FunctionName]: ActionName<F> } = {
  account: 'home',
  services: 'myOrders',
  proposals: 'listRounds',
  volunteering: 'listActivities',
  charity: 'myDonations',
  rooms: 'listRooms',
  projects: 'myReviews',
  reports: 'myReports',
};

// ---- The tests ---------------------------------------------------------------------------------------------------

/**
 * Calls `fn.act` with one payload `TWINS` times at once. The function's instances are started first (the local
 * cloud runs up to 8, as CloudBase scales out) and each makes a database call, so the calls really run at once
 * instead of queueing behind instances still loading. Unchecked: the keyed actions are found in the contracts at
 * run time.
 */
async function twins(fn: string, as: string, act: string, payload: Payload) {
  const warmUp = WARM_UP[fn as FunctionName] ?? 'noSuchAction';
  await Promise.all(Array.from({ length: 8 }, () => demo.unchecked(fn, as, warmUp)));
  return Promise.all(Array.from({ length: TWINS }, () => demo.unchecked(fn, as, act, payload)));
}

/** The error codes of replies that failed (empty when all succeeded). */
const failures = (replies: { ok: boolean; error?: { code: string } }[]) =>
  replies.filter((r) => !r.ok).map((r) => r.error!.code);

const KEYED = keyedActions();

it('every action that takes an idempotency key has a replay case (and every case is such an action)', () => {
  expect(KEYED.length).toBeGreaterThanOrEqual(17);
  expect(Object.keys(CASES).sort()).toEqual(KEYED);
});

describe.each(KEYED)('%s', (name) => {
  it(`${TWINS} concurrent replays of one key: all ok, the same data, one effect; a late replay answers the same`, async () => {
    const c = CASES[name];
    if (!c) throw new Error(`${name} takes an idempotency key but has no replay case in this file`);
    const [fn, act] = name.split('.') as [string, string];
    const as = typeof c.as === 'string' ? c.as : c.as();
    const payload = { ...(await c.prepare()), idempotencyKey: freshKey(act) };
    const measure = () => ({ messages: demo.cloud.outbox.list().length, ...c.measure(payload) });
    const before = measure();

    const replies = await twins(fn, as, act, payload);
    expect(failures(replies)).toEqual([]);
    const data = replies.map((r) => (r.ok ? r.data : undefined));
    for (const d of data) expect(d).toEqual(data[0]);
    const after = measure();
    const moved = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as 'messages']]));
    expect(moved).toEqual({ messages: 0, ...c.moves });

    const late = await demo.unchecked(fn, as, act, payload);
    expect(late.ok ? late.data : late.error).toEqual(data[0]);
    expect(measure()).toEqual(after);
  }, 120_000);
});

describe('twins are refused only for real, and finish what a twin left', () => {
  const resident = 'demo-resident-zhang';
  const itemDoc = (id: string) =>
    docOf('service_items', id) as unknown as {
      slots: Record<string, Record<string, number>>;
      holds?: Record<string, Record<string, string>>;
    };
  const order = (itemId: string, slot: string, key: string) => ({
    itemId,
    slot,
    note: '',
    idempotencyKey: key,
  });

  it('a half day really full: every twin is told LIMIT_REACHED and holds nothing; a replay after a cancellation gets the place', async () => {
    const itemId = await approvedItem('陪同散步', 1);
    const slot = slotIn(3);
    const first = await demo.ok('services', 'demo-resident-wang', 'placeOrder', {
      ...order(itemId, slot, freshKey('order')),
    });
    const payload = order(itemId, slot, freshKey('order'));
    const replies = await twins('services', resident, 'placeOrder', payload);
    expect(failures(replies)).toEqual(Array(TWINS).fill('LIMIT_REACHED'));
    expect(itemDoc(itemId).slots[slot]).toEqual({ [orgId('xinyuan')]: 1 });
    expect(Object.keys(itemDoc(itemId).holds![slot]!)).toEqual([first.id]);

    await demo.ok('services', 'demo-resident-wang', 'cancelOrder', { orderId: first.id });
    const late = await demo.call('services', resident, 'placeOrder', payload);
    expect(late.ok).toBe(true);
    expect(itemDoc(itemId).slots[slot]).toEqual({ [orgId('xinyuan')]: 1 });
  }, 120_000);

  it('the same person booking one half day under two keys at once: one order, one place; the twins of each key answer alike', async () => {
    const itemId = await approvedItem('陪同散步', 5);
    const slot = slotIn(4);
    const [a, b] = [order(itemId, slot, freshKey('order')), order(itemId, slot, freshKey('order'))];
    await Promise.all(Array.from({ length: 8 }, () => demo.call('services', resident, WARM_UP.services)));
    const replies = await Promise.all(
      Array.from({ length: TWINS }, (_x, i) => demo.call('services', resident, 'placeOrder', i % 2 ? a : b)),
    );
    const groups = [0, 1].map((odd) => replies.filter((_r, i) => i % 2 === odd));
    for (const group of groups) {
      const codes = new Set(group.map((r) => (r.ok ? 'ok' : r.error.code)));
      expect(codes.size).toBe(1);
      if (group[0]!.ok) for (const r of group) expect(r).toMatchObject({ data: group[0]!.data });
    }
    expect(replies.filter((r) => r.ok)).toHaveLength(TWINS / 2);
    expect(failures(replies)).toEqual(Array(TWINS / 2).fill('CONFLICT'));
    // Exactly the winner's place is taken, and only its tag is left: the loser's twins gave theirs back once.
    expect(howMany('service_orders', (o) => o.itemId === itemId)).toBe(1);
    expect(itemDoc(itemId).slots[slot]).toEqual({ [orgId('xinyuan')]: 1 });
    const winner = replies.find((r) => r.ok) as { data: { id: string } };
    expect(Object.keys(itemDoc(itemId).holds![slot]!)).toEqual([winner.data.id]);
  }, 120_000);

  it('a place taken by a call that died before its order: the replays finish that order and take no other place', async () => {
    const itemId = await approvedItem('陪同散步', 2);
    const slot = slotIn(5);
    const payload = order(itemId, slot, freshKey('order'));
    const orderId = idempotentId(resident, 'order', payload.idempotencyKey);
    const org = orgId('xinyuan');
    // What reservePlace leaves behind: the counter moved and the place tagged, but no order yet.
    demo.cloud.store.update(
      'service_items',
      { _id: itemId },
      { $inc: { [`slots.${slot}.${org}`]: 1 }, $set: { [`holds.${slot}.${orderId}`]: org } },
      { multi: false },
    );
    const replies = await twins('services', resident, 'placeOrder', payload);
    expect(failures(replies)).toEqual([]);
    for (const r of replies) expect(r).toEqual({ ...replies[0]!, roundTrips: r.roundTrips });
    expect(replies[0]).toMatchObject({ ok: true, data: { id: orderId } });
    expect(howMany('service_orders', (o) => o.itemId === itemId)).toBe(1);
    expect(itemDoc(itemId).slots[slot]).toEqual({ [org]: 1 });
  }, 120_000);

  it('a need with fewer units than asked: every twin is told LIMIT_REACHED and nothing is taken', async () => {
    const needId = await need(2);
    const payload = {
      needId,
      quantity: 3,
      pledgeBy: iso(now() + 3 * DAY),
      idempotencyKey: freshKey('claim'),
    };
    const replies = await twins('charity', 'demo-resident-chen', 'claim', payload);
    expect(failures(replies)).toEqual(Array(TWINS).fill('LIMIT_REACHED'));
    expect(docOf('charity_needs', needId)).toMatchObject({ available: 2, claims: {} });
  }, 120_000);

  it('place tags go with the half day: pruneSlots drops them once it is over', async () => {
    expect(
      docs('service_items', (i) => Object.keys((i.holds as object | undefined) ?? {}).length > 0).length,
    ).toBeGreaterThan(0);
    demo.cloud.clock.advance(20 * DAY);
    const outcome = await demo.cloud.timers.fire('services', 'pruneSlots');
    expect(outcome.ok).toBe(true);
    expect(
      docs('service_items', (i) => Object.keys((i.holds as object | undefined) ?? {}).length > 0),
    ).toEqual([]);
  }, 120_000);
});
