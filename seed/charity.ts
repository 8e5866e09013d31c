/**
 * The charity side of the demo community, through the real `charity` function: three street supermarkets and
 * their operators, recipients drawn from the seeds' groups (80+ elders — two of them demo residents with their
 * own accounts and the elder registered without WeChat — a disabled resident, a child in difficulty, a
 * low-income family), their needs, and donations left at every step of the chain (pledged, received,
 * allocated, out for delivery, ready for pickup, confirmed, thanked, expired, cancelled, refused). The clock is
 * moved two days back while donating and then forward again, so yesterday's digest is published over them.
 */
import type { LocalCloud } from '../localcloud/cloud';
import type { ItemCategory } from '../cloudfunctions/charity/contract';
import type { ActionInput } from '../cloudfunctions/manifest';
import type { AccountSeed } from './account';
import { callOk } from './call';
import { PROXY_ELDER, RESIDENTS } from './demoPeople';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A recipient of the demo. `resident` names the demo person whose own account is linked. */
export interface DemoRecipient {
  key: string;
  name: string;
  category: 'elder80' | 'lowIncome' | 'disabled' | 'child';
  birthYear?: number;
  communityId: string;
  address: string;
  phone?: string;
  resident?: string;
  consent: 'signed' | 'verbal' | 'guardian';
  /** The admin who registers them. */
  admin: string;
}

const wang = RESIDENTS.find((p) => p.openid === 'demo-resident-wang')!;
const li = RESIDENTS.find((p) => p.openid === 'demo-resident-li')!;

/** The demo's recipients. */
export const DEMO_RECIPIENTS: DemoRecipient[] = [
  {
    key: 'wang',
    name: wang.realName!,
    category: 'elder80',
    birthYear: wang.birthYear,
    communityId: wang.communityId,
    address: wang.address!,
    phone: wang.phone,
    resident: wang.openid,
    consent: 'signed',
    admin: 'demo-admin-lukou',
  },
  {
    key: 'zhao',
    name: '赵桂兰',
    category: 'elder80',
    birthYear: 1941,
    communityId: 'jn-lukou-xinqiao',
    address: '江宁区禄口街道新桥社区新桥路36号2栋102',
    phone: '13951700201',
    consent: 'verbal',
    admin: 'demo-admin-lukou',
  },
  {
    key: 'zhou',
    name: '周长林',
    category: 'lowIncome',
    birthYear: 1968,
    communityId: 'jn-lukou-tongshan',
    address: '江宁区禄口街道铜山社区铜山街15号',
    phone: '13951700203',
    consent: 'signed',
    admin: 'demo-admin-lukou',
  },
  {
    key: 'li',
    name: li.realName!,
    category: 'elder80',
    birthYear: li.birthYear,
    communityId: li.communityId,
    address: li.address!,
    phone: li.phone,
    resident: li.openid,
    consent: 'signed',
    admin: 'demo-admin-moling',
  },
  {
    key: 'qian',
    name: '钱志强',
    category: 'disabled',
    birthYear: 1975,
    communityId: 'jn-moling-moling',
    address: '江宁区秣陵街道秣陵社区胜太路77号5单元301',
    phone: '13951700202',
    consent: 'signed',
    admin: 'demo-admin-moling',
  },
  {
    key: 'sunxy',
    name: '孙小雨',
    category: 'child',
    birthYear: 2016,
    communityId: 'jn-moling-yinxiang',
    address: '江宁区秣陵街道殷巷社区殷华街9号1栋601',
    consent: 'guardian',
    admin: 'demo-admin-moling',
  },
  {
    key: 'sungl',
    name: PROXY_ELDER.realName,
    category: 'elder80',
    birthYear: PROXY_ELDER.birthYear,
    communityId: PROXY_ELDER.communityId,
    address: PROXY_ELDER.address,
    consent: 'verbal',
    admin: 'demo-admin-dongshan',
  },
];

/** Opens the three street supermarkets; returns their ids (the street ids). */
export async function openSupermarkets(cloud: LocalCloud, account: AccountSeed): Promise<string[]> {
  const markets = [
    {
      admin: 'demo-admin-lukou',
      streetId: 'jn-lukou',
      name: '禄口街道慈善超市',
      address: '禄口街道双拥路8号 社区服务中心一楼',
      hours: '周一至周六 9:00–17:00',
      phone: '025-52101234',
      orgIds: [account.orgIds.xinyuan],
    },
    {
      admin: 'demo-admin-moling',
      streetId: 'jn-moling',
      name: '秣陵街道慈善超市',
      address: '秣陵街道秣周路66号',
      hours: '周二至周日 8:30–16:30',
      phone: '025-52105678',
      orgIds: [account.orgIds.hongye],
    },
    {
      admin: 'demo-admin-dongshan',
      streetId: 'jn-dongshan',
      name: '东山街道慈善超市',
      address: '东山街道上元大街200号',
      hours: '周一至周五 9:00–17:00',
      orgIds: [],
    },
  ];
  for (const { admin, ...m } of markets) await callOk(cloud, 'charity', admin, 'setSupermarket', m);
  return markets.map((m) => m.streetId);
}

/** Registers the demo's recipients; returns their ids by key. */
export async function registerDemoRecipients(
  cloud: LocalCloud,
  account: AccountSeed,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const r of DEMO_RECIPIENTS) {
    const made = await callOk(cloud, 'charity', r.admin, 'registerRecipient', {
      name: r.name,
      category: r.category,
      ...(r.birthYear ? { birthYear: r.birthYear } : {}),
      communityId: r.communityId,
      address: r.address,
      ...(r.phone ? { phone: r.phone } : {}),
      ...(r.resident ? { residentId: account.userIds[r.resident] } : {}),
      consent: {
        method: r.consent,
        note: r.consent === 'guardian' ? '监护人（母亲）签字同意' : '本人同意，社区工作人员见证',
      },
      idempotencyKey: `seed-recipient-${r.key}`,
    });
    ids[r.key] = made.id;
  }
  return ids;
}

interface DemoNeed {
  key: string;
  recipient: string;
  item: string;
  itemCategory: ItemCategory;
  unit: string;
  quantity: number;
  estimatedValue: number;
  story: string;
}

const NEEDS: DemoNeed[] = [
  {
    key: 'blanket',
    recipient: 'wang',
    item: '电热毯',
    itemCategory: 'appliance',
    unit: '床',
    quantity: 1,
    estimatedValue: 120,
    story: '独居老人，冬天夜里脚冷睡不好，想要一床电热毯。',
  },
  {
    key: 'rice',
    recipient: 'zhao',
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity: 4,
    estimatedValue: 60,
    story: '老人腿脚不便，很少出门买粮，希望有几袋10斤装的大米。',
  },
  {
    key: 'oil',
    recipient: 'zhou',
    item: '食用油',
    itemCategory: 'food',
    unit: '桶',
    quantity: 2,
    estimatedValue: 70,
    story: '家里一人打零工照顾病人，想要两桶5升装的食用油。',
  },
  {
    key: 'walker',
    recipient: 'li',
    item: '助行器',
    itemCategory: 'rehab',
    unit: '个',
    quantity: 1,
    estimatedValue: 300,
    story: '老人腿脚不便，出门散步需要一个带轮的助行器。',
  },
  {
    key: 'cushion',
    recipient: 'qian',
    item: '轮椅坐垫',
    itemCategory: 'rehab',
    unit: '个',
    quantity: 1,
    estimatedValue: 150,
    story: '长期坐轮椅，需要一个防褥疮的坐垫。',
  },
  {
    key: 'diapers',
    recipient: 'qian',
    item: '成人纸尿裤',
    itemCategory: 'daily',
    unit: '包',
    quantity: 3,
    estimatedValue: 80,
    story: '行动不便，每月需要成人纸尿裤（L号）。',
  },
  {
    key: 'schoolbag',
    recipient: 'sunxy',
    item: '书包',
    itemCategory: 'study',
    unit: '个',
    quantity: 1,
    estimatedValue: 90,
    story: '上小学四年级，书包背带断了，想要一个结实的新书包。',
  },
  {
    key: 'uniform',
    recipient: 'sunxy',
    item: '冬季校服',
    itemCategory: 'clothing',
    unit: '套',
    quantity: 1,
    estimatedValue: 200,
    story: '孩子长高了，去年的冬季校服穿不下了（身高140厘米）。',
  },
  {
    key: 'dictionary',
    recipient: 'sunxy',
    item: '新华字典',
    itemCategory: 'study',
    unit: '本',
    quantity: 1,
    estimatedValue: 30,
    story: '喜欢读书，想要一本自己的新华字典。',
  },
  {
    key: 'glasses',
    recipient: 'sungl',
    item: '老花镜',
    itemCategory: 'daily',
    unit: '副',
    quantity: 1,
    estimatedValue: 50,
    story: '老人眼睛花了，看不清药盒上的字，想要一副老花镜（300度）。',
  },
];

/** Seeds the charity side; returns a one-line summary. */
export async function seedCharity(cloud: LocalCloud, account: AccountSeed): Promise<string> {
  const admins: Record<string, string> = {
    lukou: 'demo-admin-lukou',
    moling: 'demo-admin-moling',
    dongshan: 'demo-admin-dongshan',
  };
  const markets = await openSupermarkets(cloud, account);
  const recipients = await registerDemoRecipients(cloud, account);
  const adminOf = (key: string) => DEMO_RECIPIENTS.find((r) => r.key === key)!.admin;

  // Donate "two days ago" so yesterday's digest covers it; moved forward again below.
  cloud.clock.advance(-2 * DAY);
  const now = () => cloud.clock.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const needIds: Record<string, string> = {};
  for (const n of NEEDS) {
    const made = await callOk(cloud, 'charity', adminOf(n.recipient), 'postNeed', {
      recipientId: recipients[n.recipient],
      item: n.item,
      itemCategory: n.itemCategory,
      unit: n.unit,
      quantity: n.quantity,
      estimatedValue: n.estimatedValue,
      story: n.story,
      deadline: iso(now() + 30 * DAY),
      idempotencyKey: `seed-need-${n.key}`,
    });
    needIds[n.key] = made.id;
  }
  let k = 0;
  const claim = (openid: string, need: string, quantity: number, pledgeInMs = 3 * DAY) =>
    callOk(cloud, 'charity', openid, 'claim', {
      needId: needIds[need],
      quantity,
      pledgeBy: iso(now() + pledgeInMs),
      subscribed: true,
      idempotencyKey: `seed-donation-${++k}`,
    });
  const toStock = (
    openid: string,
    supermarketId: string,
    item: string,
    itemCategory: ItemCategory,
    unit: string,
    quantity: number,
  ) =>
    callOk(cloud, 'charity', openid, 'pledgeToStock', {
      supermarketId,
      item,
      itemCategory,
      unit,
      quantity,
      pledgeBy: iso(now() + 3 * DAY),
      subscribed: true,
      idempotencyKey: `seed-donation-${++k}`,
    });
  const receive = (
    staff: string,
    code: string | undefined,
    condition: ActionInput<'charity', 'receive'>['condition'] = 'good',
  ) => callOk(cloud, 'charity', staff, 'receive', { code: code!, condition });
  const dispatch = (staff: string, donationId: string, mode: 'delivery' | 'pickup') =>
    callOk(cloud, 'charity', staff, 'dispatch', { donationId, mode });
  const lukouStaff = 'demo-staff-xinyuan-1';
  const molingStaff = 'demo-staff-hongye-1';

  // pledged
  await claim('demo-resident-zhang', 'rice', 1);
  // received (point-to-point)
  const bag = await claim('demo-resident-chen', 'schoolbag', 1);
  await receive(molingStaff, bag.code);
  // allocated (general stock, then all of it to 赵桂兰's rice: one part of the gift, which the part carries on)
  const stockRice = await toStock('demo-volunteer-zhao', 'jn-lukou', '大米', 'food', '袋', 1);
  await receive(lukouStaff, stockRice.code);
  await callOk(cloud, 'charity', lukouStaff, 'allocate', { donationId: stockRice.id, needId: needIds.rice });
  // general stock still on the shelf
  const towels = await toStock('demo-resident-chen', 'jn-lukou', '毛巾', 'daily', '条', 5);
  await receive(lukouStaff, towels.code);
  // out for delivery
  const blanket = await claim('demo-resident-zhang', 'blanket', 1);
  await receive(lukouStaff, blanket.code);
  await dispatch('demo-staff-xinyuan-2', blanket.id, 'delivery');
  // ready for pickup
  const diapers = await claim('demo-resident-chen', 'diapers', 2);
  await receive(molingStaff, diapers.code);
  await dispatch(molingStaff, diapers.id, 'pickup');
  // confirmed by the recipient himself (李爷爷 has the mini program)
  const walker = await claim('demo-volunteer-zhao', 'walker', 1);
  await receive(molingStaff, walker.code);
  await dispatch(molingStaff, walker.id, 'delivery');
  await callOk(cloud, 'charity', 'demo-resident-li', 'confirm', { donationId: walker.id });
  // thanked: 孙奶奶 has no WeChat; the 东山 admin gives her the code, staff enter it, the admin writes her thanks
  const glasses = await claim('demo-resident-zhang', 'glasses', 1);
  await receive(admins.dongshan, glasses.code);
  await dispatch(admins.dongshan, glasses.id, 'delivery');
  const held = await callOk(cloud, 'charity', admins.dongshan, 'donation', {
    donationId: glasses.id,
  });
  await callOk(cloud, 'charity', admins.dongshan, 'confirm', {
    donationId: glasses.id,
    code: held.confirmCode,
  });
  await callOk(cloud, 'charity', admins.dongshan, 'thank', {
    donationId: glasses.id,
    message: '谢谢好心人！戴上眼镜，药盒上的字都看清了。',
  });
  // cancelled
  const cushion = await claim('demo-volunteer-zhao', 'cushion', 1);
  await callOk(cloud, 'charity', 'demo-volunteer-zhao', 'cancelPledge', { donationId: cushion.id });
  // refused at the counter
  const coat = await toStock('demo-resident-zhang', 'jn-moling', '旧棉衣', 'clothing', '件', 2);
  await receive(molingStaff, coat.code, 'unusable');
  // will expire: brought "by two hours after" — the clock moves on past it
  await claim('demo-resident-chen', 'uniform', 1, 2 * HOUR);
  // a stocktake at 禄口: the towels counted
  await callOk(cloud, 'charity', lukouStaff, 'recordStocktake', {
    supermarketId: 'jn-lukou',
    counts: [
      { item: '毛巾', unit: '条', counted: 5 },
      { item: '大米', unit: '袋', counted: 1 },
    ],
    idempotencyKey: 'seed-stocktake-1',
  });

  cloud.clock.advance(2 * DAY);
  await cloud.timers.fire('charity', 'pledgeExpiry');
  await cloud.timers.fire('charity', 'dailyDigest');
  const donations = cloud.store.count('charity_donations', {});
  return `${markets.length} supermarkets, ${Object.keys(recipients).length} recipients, ${NEEDS.length} needs, ${donations} donations`;
}
