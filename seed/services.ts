/**
 * The services side of the demo community (百姓点菜、政府定菜、社会组织做菜), written through the real functions:
 * a menu of two dozen items from the seeds' seven categories proposed by the organizations' staff and approved
 * by the street admins (two proposals still waiting, one retired), a 东山 service station (so 孙桂兰, who has no
 * WeChat, can be served), monthly vouchers, orders in every state — rated by the resident, rated by phone,
 * completed and waiting for a rating (on the callback list), in service, accepted, waiting for acceptance,
 * declined and escalated, cancelled — for oneself, by family and by an admin (代下单), one check-in away from the
 * service address with the staff member's reason (on the 东山 admin's exception list), and a demand list with one
 * line adopted into the menu. Staff check in on time, beside the resident's community unless said otherwise. The cloud's clock is moved to when things happened and put back at the end.
 */
import { addDays, dateKey, parseSlot, startOfDate } from '../miniprogram/shared/calendar';
import { bookableSlots } from '../cloudfunctions/services/domain/calendar';
import { communityCentre } from '../cloudfunctions/services/domain/places';
import type { LocalCloud } from '../localcloud/cloud';
import type { ActionArgs, ActionInput, ActionName } from '../cloudfunctions/manifest';
import type { AccountSeed } from './account';
import { callOk } from './call';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;

/** The 东山 station and the one member of its staff (a demo person like the others). */
const DONGSHAN = {
  org: {
    name: '东山街道颐养服务站',
    description: '街道办的居家养老服务站：长者食堂、助洁、助行。',
    services: ['助餐', '助洁', '助行'],
    communityIds: [
      'jn-dongshan-dongshan',
      'jn-dongshan-shangfang',
      'jn-dongshan-zhushan',
      'jn-dongshan-baijiahu',
    ],
    scopeId: 'jn-dongshan',
  },
  staff: {
    openid: 'demo-staff-dongshan-1',
    nickname: '颐养站 护理员小周',
    realName: '周婷',
    phone: '13905170031',
    communityId: 'jn-dongshan-dongshan',
  },
};

type Org = 'xinyuan' | 'hongye' | 'dongshan';
interface MenuLine {
  org: Org;
  name: string;
  category: ActionInput<'services', 'proposeItem'>['category'];
  description: string;
  unit: string;
  priceType: 'free' | 'voucher' | 'lowcost';
  priceYuan: number;
  eligibility: ('age80' | 'disabled' | 'lowIncome')[];
  capacityPerSlot: number;
  durationMinutes: number;
  /** Left waiting for the admin, or retired after approval. */
  state?: 'proposed' | 'retired';
}

const OLD = ['age80', 'disabled'] as ('age80' | 'disabled' | 'lowIncome')[];
const NEEDY = ['age80', 'disabled', 'lowIncome'] as ('age80' | 'disabled' | 'lowIncome')[];

/** The menu: what 小江家护 and 银龄虚拟养老院 offered, at the organizations' own lines. */
const MENU: MenuLine[] = [
  {
    org: 'xinyuan',
    name: '长者助餐（堂食）',
    category: '助餐',
    description: '社区长者食堂午餐，两荤两素一汤，少盐少油。',
    unit: '餐',
    priceType: 'voucher',
    priceYuan: 8,
    eligibility: NEEDY,
    capacityPerSlot: 20,
    durationMinutes: 60,
  },
  {
    org: 'xinyuan',
    name: '助餐送餐上门',
    category: '助餐',
    description: '午餐由护理员送到家，保温盒装，可备注软烂、低糖。',
    unit: '餐',
    priceType: 'voucher',
    priceYuan: 12,
    eligibility: OLD,
    capacityPerSlot: 10,
    durationMinutes: 30,
  },
  {
    org: 'xinyuan',
    name: '助浴上门',
    category: '助浴',
    description: '两名护理员上门协助洗浴，自带防滑垫和洗浴椅。',
    unit: '次',
    priceType: 'voucher',
    priceYuan: 30,
    eligibility: OLD,
    capacityPerSlot: 2,
    durationMinutes: 90,
  },
  {
    org: 'xinyuan',
    name: '助浴中心洗浴',
    category: '助浴',
    description: '到社区助浴点洗浴，有护理员陪同，可接送。',
    unit: '次',
    priceType: 'lowcost',
    priceYuan: 15,
    eligibility: [],
    capacityPerSlot: 4,
    durationMinutes: 60,
  },
  {
    org: 'xinyuan',
    name: '居家保洁',
    category: '助洁',
    description: '打扫厨房、卫生间和卧室，整理杂物。',
    unit: '次',
    priceType: 'voucher',
    priceYuan: 25,
    eligibility: NEEDY,
    capacityPerSlot: 4,
    durationMinutes: 120,
  },
  {
    org: 'xinyuan',
    name: '衣物被褥清洗',
    category: '助洁',
    description: '上门收取衣物被褥，洗净晾干后送回。',
    unit: '次',
    priceType: 'lowcost',
    priceYuan: 10,
    eligibility: [],
    capacityPerSlot: 6,
    durationMinutes: 30,
  },
  {
    org: 'xinyuan',
    name: '陪同就医',
    category: '助医',
    description: '陪同去医院挂号、检查、取药，全程陪护。',
    unit: '次',
    priceType: 'voucher',
    priceYuan: 20,
    eligibility: OLD,
    capacityPerSlot: 3,
    durationMinutes: 180,
  },
  {
    org: 'xinyuan',
    name: '代购药品',
    category: '助医',
    description: '凭处方或药盒代购常用药，送药上门。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: OLD,
    capacityPerSlot: 6,
    durationMinutes: 60,
  },
  {
    org: 'xinyuan',
    name: '上门测血压血糖',
    category: '助医',
    description: '护士上门测量血压、血糖，记录在健康本上。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 8,
    durationMinutes: 20,
  },
  {
    org: 'xinyuan',
    name: '康复理疗上门',
    category: '康复护理',
    description: '康复师上门做肢体训练和按摩，适合术后、中风后恢复。',
    unit: '次',
    priceType: 'voucher',
    priceYuan: 40,
    eligibility: OLD,
    capacityPerSlot: 2,
    durationMinutes: 60,
  },
  {
    org: 'xinyuan',
    name: '居家护理指导',
    category: '康复护理',
    description: '教家属翻身、喂食、防褥疮等照护方法。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 3,
    durationMinutes: 60,
  },
  {
    org: 'xinyuan',
    name: '心理陪伴聊天',
    category: '心理慰藉',
    description: '社工上门或电话陪老人聊天，排解孤独。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 4,
    durationMinutes: 60,
  },
  {
    org: 'xinyuan',
    name: '夏季送清凉',
    category: '助洁',
    description: '送风扇、凉席，检查空调。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: OLD,
    capacityPerSlot: 10,
    durationMinutes: 30,
    state: 'retired',
  },
  {
    org: 'xinyuan',
    name: '智能手机教学',
    category: '心理慰藉',
    description: '教老人用微信视频、扫码、挂号。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 6,
    durationMinutes: 60,
    state: 'proposed',
  },
  {
    org: 'hongye',
    name: '助行陪同外出',
    category: '助行',
    description: '陪老人散步、买菜、办事，上下楼搀扶。',
    unit: '次',
    priceType: 'voucher',
    priceYuan: 15,
    eligibility: OLD,
    capacityPerSlot: 3,
    durationMinutes: 90,
  },
  {
    org: 'hongye',
    name: '轮椅代步接送',
    category: '助行',
    description: '用轮椅接送去社区卫生服务中心或医院。',
    unit: '次',
    priceType: 'lowcost',
    priceYuan: 10,
    eligibility: [],
    capacityPerSlot: 2,
    durationMinutes: 60,
  },
  {
    org: 'hongye',
    name: '陪诊服务',
    category: '助医',
    description: '提前预约挂号，陪同看病，帮忙记医嘱。',
    unit: '次',
    priceType: 'voucher',
    priceYuan: 20,
    eligibility: OLD,
    capacityPerSlot: 3,
    durationMinutes: 180,
  },
  {
    org: 'hongye',
    name: '心理疏导',
    category: '心理慰藉',
    description: '专业社工一对一谈心，适合丧偶、独居老人。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 3,
    durationMinutes: 60,
  },
  {
    org: 'hongye',
    name: '邻里互助探访',
    category: '心理慰藉',
    description: '志愿者定期上门探访，看看身体、聊聊家常。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: ['age80'],
    capacityPerSlot: 5,
    durationMinutes: 45,
  },
  {
    org: 'hongye',
    name: '老年人反诈知识课',
    category: '心理慰藉',
    description: '民警和社工讲怎样识别可疑电话和上门推销，现场答疑。',
    unit: '场',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    capacityPerSlot: 30,
    durationMinutes: 90,
    state: 'proposed',
  },
  {
    org: 'dongshan',
    name: '长者食堂助餐',
    category: '助餐',
    description: '颐养站食堂午餐，可送餐到楼下。',
    unit: '餐',
    priceType: 'voucher',
    priceYuan: 10,
    eligibility: NEEDY,
    capacityPerSlot: 15,
    durationMinutes: 60,
  },
  {
    org: 'dongshan',
    name: '助洁上门',
    category: '助洁',
    description: '打扫卫生、整理房间、倒垃圾。',
    unit: '次',
    priceType: 'voucher',
    priceYuan: 25,
    eligibility: NEEDY,
    capacityPerSlot: 3,
    durationMinutes: 120,
  },
  {
    org: 'dongshan',
    name: '助行陪同',
    category: '助行',
    description: '陪同外出散步、买菜、去银行。',
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: OLD,
    capacityPerSlot: 2,
    durationMinutes: 90,
  },
];

/** Who proposes and who approves for each organization. */
const PEOPLE: Record<Org, { staff: string[]; admin: string }> = {
  xinyuan: { staff: ['demo-staff-xinyuan-1', 'demo-staff-xinyuan-2'], admin: 'demo-admin-lukou' },
  hongye: { staff: ['demo-staff-hongye-1'], admin: 'demo-admin-moling' },
  dongshan: { staff: [DONGSHAN.staff.openid], admin: 'demo-admin-dongshan' },
};

/** Seeds the services demo; returns a one-line summary. */
export async function seedServices(cloud: LocalCloud, account: AccountSeed): Promise<string> {
  const offsetBefore = cloud.clock.offset();
  const T = cloud.clock.now();
  const call = <A extends ActionName<'services'>>(
    openid: string,
    action: A,
    ...input: ActionArgs<'services', A>
  ) => callOk(cloud, 'services', openid, action, ...input);
  const fire = async (trigger: string) => {
    const outcome = await cloud.timers.fire('services', trigger);
    if (!outcome.ok) throw new Error(`services timer ${trigger}: ${outcome.error.message}`);
  };
  const user = (openid: string) => account.userIds[openid]!;
  let keyCount = 0;
  const key = (what: string) => `seed-services-${what}-${++keyCount}`;

  // The 东山 station, so the elder registered without WeChat can be served in her own community.
  const { openid: staffOpenid, ...profile } = DONGSHAN.staff;
  const staffId = (await callOk(cloud, 'account', staffOpenid, 'login')).id;
  await callOk(cloud, 'account', staffOpenid, 'updateProfile', profile);
  const station = await callOk(cloud, 'account', 'demo-admin-dongshan', 'createOrg', {
    ...DONGSHAN.org,
    idempotencyKey: 'seed-org-dongshan',
  });
  await callOk(cloud, 'account', 'demo-admin-dongshan', 'grantRole', {
    targetUserId: staffId,
    targetRole: 'provider',
    orgId: station.id,
  });
  const orgIds: Record<Org, string> = { ...account.orgIds, dongshan: station.id };
  const communities: Record<Org, string[]> = {
    xinyuan: ['jn-lukou-lukou', 'jn-lukou-xinqiao', 'jn-lukou-tongshan'],
    hongye: ['jn-moling-moling', 'jn-moling-yinxiang', 'jn-moling-jiangjunshan'],
    dongshan: DONGSHAN.org.communityIds,
  };

  // A week ago the organizations proposed their menus and the streets approved them.
  cloud.clock.set(T - 7 * DAY);
  const items: Record<string, string> = {};
  for (const [k, line] of MENU.entries()) {
    const { org, state, ...fields } = line;
    const staff = PEOPLE[org].staff[k % PEOPLE[org].staff.length]!;
    const item = await call(staff, 'proposeItem', {
      ...fields,
      communityIds: communities[org],
      idempotencyKey: `seed-item-${k}`,
    });
    items[line.name] = item.id;
    if (state === 'proposed') continue;
    await call(PEOPLE[org].admin, 'reviewItem', { itemId: item.id, decision: 'approve' });
    if (state === 'retired')
      await call(PEOPLE[org].admin, 'reviewItem', {
        itemId: item.id,
        decision: 'retire',
        reason: '入秋后暂停',
      });
  }
  // 孙桂兰's papers were checked: she is disabled as well as 88.
  await call('demo-admin-dongshan', 'setEligibility', {
    targetUserId: account.proxyElderId,
    disabled: true,
    lowIncome: false,
  });
  await call('demo-admin-lukou', 'setVoucherPolicy', {
    communityId: 'jn-lukou-lukou',
    monthlyYuan: 80,
    eligibility: NEEDY,
  });

  /** Places an order now (the first bookable slot at least `after` ms ahead) and returns its id and slot. */
  const order = async (openid: string, item: string, after: number, extra: Record<string, unknown> = {}) => {
    const now = cloud.clock.now();
    const slot = bookableSlots(new Date(now)).find((s) => parseSlot(s)!.start.getTime() >= now + after)!;
    const placed = await call(openid, 'placeOrder', {
      itemId: items[item],
      slot,
      subscribed: ['ORDER_STATUS', 'SERVICE_SURVEY'],
      idempotencyKey: key('order'),
      ...extra,
    });
    return { id: placed.id, start: parseSlot(slot)!.start.getTime(), communityId: placed.communityId };
  };
  const at = (ms: number) => cloud.clock.set(ms);
  /** A point about 40 m from the centre of a community (where check-in is measured from). */
  const beside = (communityId: string) => {
    const c = communityCentre(communityId);
    return { latitude: c.lat + 0.0003, longitude: c.lng + 0.0002 };
  };
  type Placed = { id: string; start: number; communityId: string };
  const serve = async (
    o: Placed,
    staff: string,
    notes: string,
    finish = true,
    checkIn: { location?: { latitude: number; longitude: number }; reason?: string } = {},
  ) => {
    await call(staff, 'acceptOrder', { orderId: o.id });
    at(o.start + 10 * MIN);
    await call(staff, 'checkIn', { orderId: o.id, location: beside(o.communityId), ...checkIn });
    if (!finish) return;
    at(o.start + 100 * MIN);
    await call(staff, 'checkOut', { orderId: o.id, notes });
  };

  // Three days ago at 08:00 Beijing time: that month's vouchers, then services delivered (and mostly rated) that
  // afternoon — the same day whatever the hour the demo is seeded, so the vouchers granted cover them even on a
  // month's last day.
  const D3 = startOfDate(addDays(dateKey(T), -3), 8 * 60).getTime();
  at(D3);
  await fire('monthlyVouchers');
  const bath = await order('demo-resident-wang', '助浴上门', 3 * H, { note: '请带洗浴椅，老人腿脚不便' });
  await serve(bath, 'demo-staff-xinyuan-1', '协助洗浴 40 分钟，剪了指甲，老人精神很好');
  await call('demo-resident-wang', 'rateOrder', { orderId: bath.id, rating: 5, comment: '小林很耐心，谢谢' });
  at(D3 + 10 * MIN);
  const clean = await order('demo-resident-zhang', '居家保洁', 3 * H, {
    beneficiaryId: user('demo-resident-wang'),
  });
  await serve(clean, 'demo-staff-xinyuan-2', '打扫了厨房和卫生间，换下的床单已清洗');
  at(D3 + 20 * MIN);
  const escort = await order('demo-resident-li', '陪诊服务', 3 * H, { note: '去江宁医院复查膝盖' });
  await serve(escort, 'demo-staff-hongye-1', '陪同挂号、拍片、取药，医嘱已写在病历本上');
  at(T - 2 * DAY);
  await call('demo-admin-moling', 'phoneCallback', {
    orderId: escort.id,
    rating: 4,
    comment: '满意，希望下次早点到',
    complaint: false,
  });
  at(D3 + 30 * MIN);
  const lunch = await order('demo-resident-chen', '长者食堂助餐', 3 * H, {
    beneficiaryId: account.proxyElderId,
  });
  // She was staying at her daughter's that week: a check-in away from her community, with the reason.
  await serve(lunch, DONGSHAN.staff.openid, '午餐已送到女儿家，老人吃完了', true, {
    location: { latitude: 31.962, longitude: 118.852 },
    reason: '孙奶奶这几天住在女儿家，按家属要求送到那里',
  });
  await call('demo-resident-chen', 'rateOrder', {
    orderId: lunch.id,
    rating: 4,
    comment: '饭菜软烂，适合孙奶奶',
  });

  // In service right now: 老何 started 王奶奶's rehabilitation at the last half day and has not signed out.
  const recent = bookableSlots(new Date(T - DAY))
    .map((s) => parseSlot(s)!.start.getTime())
    .filter((start) => start <= T - 20 * MIN)
    .at(-1)!;
  at(recent - 2 * H);
  const rehab = await order('demo-resident-wang', '康复理疗上门', 90 * MIN);
  await serve(rehab, 'demo-staff-xinyuan-2', '', false);

  // Now: orders waiting, accepted, declined and escalated, cancelled; the demand list.
  cloud.clock.advance(offsetBefore - cloud.clock.offset());
  await fire('monthlyVouchers');
  await order('demo-resident-wang', '助餐送餐上门', 2 * DAY, { note: '饭菜要软烂一些' });
  const doctor = await order('demo-resident-zhang', '陪同就医', 2 * DAY, {
    beneficiaryId: user('demo-resident-wang'),
    note: '周三去江宁医院复查',
  });
  await call('demo-staff-xinyuan-1', 'acceptOrder', { orderId: doctor.id });
  await order('demo-admin-dongshan', '助洁上门', 3 * DAY, {
    beneficiaryId: account.proxyElderId,
    contactPhone: '13851700104',
  });
  const walk = await order('demo-resident-li', '助行陪同外出', 3 * DAY, { note: '想去菜场买菜' });
  await call('demo-staff-hongye-1', 'declineOrder', { orderId: walk.id, reason: '这两天社工都在外出培训' });
  const wheel = await order('demo-resident-li', '轮椅代步接送', 4 * DAY);
  await call('demo-resident-li', 'cancelOrder', { orderId: wheel.id, reason: '儿子回来了，他陪我去' });

  const asks: [string, ActionInput<'services', 'requestService'>['category'], string][] = [
    ['demo-resident-wang', '其他', '希望有上门理发，出门不方便'],
    ['demo-resident-zhang', '其他', '老人理发难，能不能请理发师上门'],
    ['demo-resident-li', '助行', '去医院复查需要有人推轮椅'],
    ['demo-volunteer-zhao', '心理慰藉', '独居老人晚上害怕，希望有夜间电话陪伴'],
    ['demo-resident-chen', '助浴', '东山这边还没有助浴，孙奶奶很需要'],
  ];
  for (const [openid, category, text] of asks) await call(openid, 'requestService', { category, text });
  const haircut = (await call('demo-admin-lukou', 'demands', {})).items.find((d) => d.category === '其他')!;
  await call('demo-admin-lukou', 'adoptDemand', {
    demandId: haircut.id,
    name: '上门理发',
    category: '助洁',
    description: '理发师每周二、周四上门，剪发、修面。',
    unit: '次',
    priceType: 'lowcost',
    priceYuan: 8,
    eligibility: [],
    capacityPerSlot: 4,
    durationMinutes: 40,
    orgIds: [orgIds.xinyuan],
    idempotencyKey: 'seed-adopt-haircut',
  });
  await fire('rematch');

  const orders = cloud.store.count('service_orders', {});
  const wallets = cloud.store.count('service_wallets', {});
  return `${cloud.store.count('service_items', {})} menu items, ${orders} orders, ${wallets} vouchers, ${cloud.store.count('service_demands', {})} demand lines, 1 service station`;
}
