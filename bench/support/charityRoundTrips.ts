/**
 * Round trips per charity action, measured through the local cloud (each reply carries the invocation's count
 * of database requests): every action once on its usual path, plus the variants whose count differs. Used by
 * the round-trip test (which holds each to its header and to the ≤ 3 budget) and by the benchmark.
 */
import { openSupermarkets, registerDemoRecipients } from '../../seed/charity';
import type { ActionInput, ActionName, ActionResult } from '../../cloudfunctions/manifest';
import type { DemoCloud } from '../../test/support/demo';

/** One measured call. */
export interface RoundTripRow {
  action: string;
  variant: string;
  roundTrips: number;
}

const DAY = 86_400_000;

/** Runs the scenario on a fresh demo cloud and returns the rows in call order. */
export async function measureCharityRoundTrips(demo: DemoCloud): Promise<RoundTripRow[]> {
  await openSupermarkets(demo.cloud, demo.seed);
  const recipients = await registerDemoRecipients(demo.cloud, demo.seed);
  const rows: RoundTripRow[] = [];
  let n = 0;
  const key = () => `round-trip-${++n}`;
  const at = (ms: number) => new Date(demo.cloud.clock.now() + ms).toISOString();
  async function m<A extends ActionName<'charity'>>(
    who: string,
    action: A,
    payload: ActionInput<'charity', A>,
    variant = '',
  ): Promise<ActionResult<'charity', A>> {
    const r = await demo.call('charity', who, action, payload);
    if (!r.ok)
      throw new Error(
        `${action}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`,
      );
    rows.push({ action, variant, roundTrips: r.roundTrips });
    return r.data;
  }
  const lukouAdmin = 'demo-admin-lukou';
  const staff = 'demo-staff-xinyuan-1';
  const donor = 'demo-resident-zhang';

  await m(lukouAdmin, 'setSupermarket', {
    streetId: 'jn-lukou',
    name: '禄口街道慈善超市',
    address: '禄口街道双拥路8号',
    hours: '周一至周六 9:00–17:00',
    orgIds: [demo.seed.orgIds.xinyuan],
  });
  await m(lukouAdmin, 'registerRecipient', {
    name: '钱秀珍',
    category: 'elder80',
    birthYear: 1943,
    communityId: 'jn-lukou-shinian',
    address: '江宁区禄口街道石埝社区石埝路3号',
    consent: { method: 'signed' },
    idempotencyKey: key(),
  });
  await m(lukouAdmin, 'updateRecipient', { recipientId: recipients.zhou, phone: '13951700299' });
  await m(lukouAdmin, 'recipients', {});
  const need = await m(lukouAdmin, 'postNeed', {
    recipientId: recipients.zhao,
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity: 6,
    estimatedValue: 60,
    story: '老人腿脚不便，很少出门买粮。',
    deadline: at(20 * DAY),
    idempotencyKey: key(),
  });
  await m(lukouAdmin, 'adminNeeds', {});
  await m(donor, 'supermarkets', {});
  await m(staff, 'supermarkets', { mine: true }, 'the ones I operate');
  await m(donor, 'needs', {});
  await m(donor, 'need', { needId: need.id });
  const d = await m(donor, 'claim', {
    needId: need.id,
    quantity: 2,
    pledgeBy: at(2 * DAY),
    idempotencyKey: key(),
  });
  const partial = await m(
    donor,
    'claim',
    { needId: need.id, quantity: 2, pledgeBy: at(DAY), idempotencyKey: key() },
    'second',
  );
  const cancel = await m(
    donor,
    'claim',
    { needId: need.id, quantity: 1, pledgeBy: at(DAY), idempotencyKey: key() },
    'third',
  );
  await m(donor, 'cancelPledge', { donationId: cancel.id }, 'point-to-point (units back)');
  await m(donor, 'myDonations', {});
  await m(staff, 'lookupCode', { code: d.code! });
  await m(staff, 'staffQueue', { supermarketId: 'jn-lukou', stage: 'expected' });
  await m(staff, 'receive', { code: d.code!, condition: 'good' });
  await m(staff, 'receive', { code: d.code!, condition: 'good' }, 'replay');
  await m(staff, 'receive', { code: partial.code!, quantity: 1, condition: 'good' }, 'fewer than pledged');
  await m(staff, 'dispatch', { donationId: d.id, mode: 'delivery' });
  await m(staff, 'staffQueue', { supermarketId: 'jn-lukou', stage: 'inDelivery' }, 'delivering (contacts)');
  const admin = await m(lukouAdmin, 'donation', { donationId: d.id });
  await m(lukouAdmin, 'recipientDetail', { recipientId: recipients.zhao });
  await m(staff, 'confirm', { donationId: d.id, code: admin.confirmCode }, 'staff with the code');
  await m(lukouAdmin, 'thank', { donationId: d.id, message: '谢谢好心人！' });

  const stock = await m('demo-volunteer-zhao', 'pledgeToStock', {
    supermarketId: 'jn-lukou',
    item: '食用油',
    itemCategory: 'food',
    unit: '桶',
    quantity: 1,
    pledgeBy: at(DAY),
    idempotencyKey: key(),
  });
  await m(staff, 'receive', { code: stock.code!, condition: 'good' }, 'general stock');
  const oil = await m(lukouAdmin, 'postNeed', {
    recipientId: recipients.wang,
    item: '食用油',
    itemCategory: 'food',
    unit: '桶',
    quantity: 1,
    estimatedValue: 70,
    story: '独居老人，想要一桶食用油。',
    deadline: at(20 * DAY),
    idempotencyKey: key(),
  });
  // All of it to one need: one part of all its units (domain/parts), which goes on from there.
  const oilPart = (await m(staff, 'allocate', { donationId: stock.id, needId: oil.id })).donation.parts![0]!
    .id;
  await m(staff, 'dispatch', { donationId: oilPart, mode: 'pickup' }, 'pickup');
  await m('demo-resident-wang', 'myReceipts', {});
  await m('demo-resident-wang', 'confirm', { donationId: oilPart }, 'by the recipient');
  // A gift to general stock allocated in parts (domain/parts).
  const rice = await demo.ok('charity', 'demo-volunteer-zhao', 'pledgeToStock', {
    supermarketId: 'jn-lukou',
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity: 3,
    pledgeBy: at(DAY),
    idempotencyKey: key(),
  });
  await demo.ok('charity', staff, 'receive', { code: rice.code!, condition: 'good' });
  const riceNeed = await demo.ok('charity', lukouAdmin, 'postNeed', {
    recipientId: recipients.wang,
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity: 2,
    estimatedValue: 60,
    story: '独居老人，想要两袋大米。',
    deadline: at(20 * DAY),
    idempotencyKey: key(),
  });
  await m(
    staff,
    'staffQueue',
    { supermarketId: 'jn-lukou', stage: 'toAllocate' },
    'general stock (its parts)',
  );
  await m(
    staff,
    'allocate',
    { donationId: rice.id, needId: riceNeed.id, quantity: 2, idempotencyKey: key() },
    'a part',
  );
  await m(staff, 'recordStocktake', {
    supermarketId: 'jn-lukou',
    counts: [{ item: '大米', unit: '袋', counted: 1 }],
    idempotencyKey: key(),
  });
  await m(staff, 'reconciliation', { supermarketId: 'jn-lukou' });
  await m(staff, 'exportReconciliation', { supermarketId: 'jn-lukou' });
  await m(donor, 'ledger', {});
  await m(donor, 'stats', {});
  await m(donor, 'verify', { donationId: d.id }, 'before any digest');
  demo.cloud.clock.advance(DAY);
  await demo.cloud.timers.fire('charity', 'dailyDigest');
  await m(donor, 'digests', {});
  await m(donor, 'verify', { donationId: d.id }, 'anchored in a digest');
  await m(lukouAdmin, 'closeNeed', { needId: oil.id, reason: '已满足' });
  // A story the content check is unsure of ("加微信") waits for an admin, who releases it.
  const heldStory = await m(
    lukouAdmin,
    'postNeed',
    {
      recipientId: recipients.wang,
      item: '助听器',
      itemCategory: 'rehab',
      unit: '个',
      quantity: 1,
      estimatedValue: 300,
      story: '老人耳朵不好，想要一个助听器，有意者可以加微信联系社区。',
      deadline: at(20 * DAY),
      idempotencyKey: key(),
    },
    'held for review',
  );
  await m(lukouAdmin, 'reviewStory', { needId: heldStory.id, decision: 'release' });
  await m(
    lukouAdmin,
    'updateRecipient',
    { recipientId: recipients.zhou, active: false, reason: '搬离' },
    'stop serving (needs close)',
  );
  // 爱心积分 at the supermarket: points come from an admin adjustment (volunteering, not measured here).
  const donorId = demo.cloud.store.docs('users').find((u) => u.openid === donor)!._id as string;
  const wangId = demo.cloud.store.docs('users').find((u) => u.openid === 'demo-resident-wang')!._id as string;
  await demo.ok('volunteering', 'demo-admin-jiangning', 'adjustPoints', {
    targetUserId: donorId,
    delta: 100,
    reason: '测试发放',
    idempotencyKey: key(),
  });
  const goods = await m(staff, 'addPointGoods', {
    supermarketId: 'jn-lukou',
    name: '洗衣液',
    pointsPrice: 20,
    stock: 5,
    idempotencyKey: key(),
  });
  await m(staff, 'updatePointGoods', { goodsId: goods.id, stockDelta: 5 });
  await m(donor, 'pointShop', {});
  const held = await m(donor, 'redeem', { goodsId: goods.id, idempotencyKey: key() });
  await m(donor, 'myRedemptions', {});
  await m(staff, 'lookupRedemption', { code: held.code });
  await m(staff, 'handOver', { code: held.code });
  const second = await m(donor, 'redeem', { goodsId: goods.id, idempotencyKey: key() }, 'second');
  await m(donor, 'cancelRedemption', { code: second.code });
  await m(donor, 'givePoints', { targetUserId: wangId, points: 10, idempotencyKey: key() });
  await m(donor, 'givePointsToNeed', { needId: need.id, points: 10, idempotencyKey: key() });
  // A partner merchant of 禄口 (the barber 陈 is its staff): its offer reserved and handed over like goods.
  const barber = 'demo-resident-chen';
  const merchant = await m(lukouAdmin, 'registerMerchant', {
    streetId: 'jn-lukou',
    name: '老陈理发店',
    kind: '理发',
    address: '禄口街道机场路 8 号',
    staffPhones: ['13851700104'],
    idempotencyKey: key(),
  });
  await m(donor, 'merchants', {});
  await m(barber, 'merchants', { streetId: 'jn-lukou' }, 'its staff (names)');
  const haircut = await m(
    barber,
    'addPointGoods',
    {
      supermarketId: 'jn-lukou',
      merchantId: merchant.id,
      name: '理发一次',
      pointsPrice: 10,
      stock: 3,
      idempotencyKey: key(),
    },
    "a merchant's offer",
  );
  await m(barber, 'pointShop', { supermarketId: 'jn-lukou', merchantId: merchant.id }, "a merchant's shelf");
  const cut = await m(donor, 'redeem', { goodsId: haircut.id, idempotencyKey: key() }, "a merchant's offer");
  await m(barber, 'handOver', { code: cut.code }, "by the merchant's staff");
  return rows;
}

/** The rows as a Markdown table. */
export function roundTripTable(rows: RoundTripRow[]): string {
  const lines = ['| action | case | round trips |', '|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.action} | ${r.variant || '—'} | ${r.roundTrips} |`);
  return lines.join('\n');
}
