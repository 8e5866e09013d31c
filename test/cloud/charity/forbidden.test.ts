/**
 * charity: forbidden paths per role, and bad input — every refusal writes nothing. Residents and recipients
 * cannot act as staff or admins; staff act only at the supermarket their organization operates and never as
 * admins; admins act only within their scope; only the donor cancels; identity comes from WeChat alone.
 */
import type { DonationView, NeedView } from '../../../cloudfunctions/charity/contract';
import type { ActionCall, ActionInput, ActionName } from '../../../cloudfunctions/manifest';
import { DAY, startCharity, WHO, type CharityWorld } from './fixture';

let w: CharityWorld;
let need: NeedView;
let pledged: DonationView;
let stock: DonationView;
let onTheWay: DonationView;
let molingPledge: DonationView;

beforeAll(async () => {
  w = await startCharity();
  need = await w.postNeed('zhao', { quantity: 5 });
  pledged = await w.claim(WHO.donor, need.id, 1);
  stock = await w.demo.ok('charity', WHO.donor2, 'pledgeToStock', {
    supermarketId: 'jn-lukou',
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity: 1,
    pledgeBy: w.at(DAY),
    idempotencyKey: w.key(),
  });
  await w.step(WHO.lukouStaff, 'receive', { code: stock.code!, condition: 'good' });
  onTheWay = await w.claim(WHO.donor2, need.id, 1);
  await w.step(WHO.lukouStaff, 'receive', { code: onTheWay.code!, condition: 'good' });
  await w.step(WHO.lukouStaff, 'dispatch', { donationId: onTheWay.id, mode: 'delivery' });
  const molingNeed = await w.postNeed('qian');
  molingPledge = await w.claim(WHO.donor, molingNeed.id, 1);
}, 60_000);
afterAll(() => w.close());

const COLLECTIONS = [
  'charity_recipients',
  'charity_needs',
  'charity_donations',
  'charity_supermarkets',
  'charity_stocktakes',
  'charity_digests',
];
const snapshot = () => JSON.stringify(COLLECTIONS.map((c) => w.demo.cloud.store.docs(c)));

async function refused<A extends ActionName<'charity'>>(
  openid: string,
  act: A,
  payload: ActionInput<'charity', A>,
  code: string,
) {
  const before = snapshot();
  const r = await w.demo.call('charity', openid, act, payload);
  expect({ act, openid, reply: r.ok ? 'ok' : r.error.code }).toEqual({ act, openid, reply: code });
  expect(snapshot()).toBe(before);
}

/** Staff actions at the 禄口 supermarket. */
const staffActions = (): ActionCall<'charity'>[] => [
  { action: 'lookupCode', input: { code: pledged.code! } },
  { action: 'receive', input: { code: pledged.code!, condition: 'good' } },
  { action: 'allocate', input: { donationId: stock.id, needId: need.id } },
  { action: 'dispatch', input: { donationId: stock.id, mode: 'delivery' } },
  { action: 'confirm', input: { donationId: onTheWay.id, code: '123456' } },
  { action: 'staffQueue', input: { supermarketId: 'jn-lukou', stage: 'expected' } },
  {
    action: 'recordStocktake',
    input: {
      supermarketId: 'jn-lukou',
      counts: [{ item: '大米', unit: '袋', counted: 1 }],
      idempotencyKey: 'forbidden-take-1',
    },
  },
  { action: 'reconciliation', input: { supermarketId: 'jn-lukou' } },
];

/** Admin actions over 禄口 places and people. */
const adminActions = (): ActionCall<'charity'>[] => [
  {
    action: 'setSupermarket',
    input: { streetId: 'jn-lukou', name: '改名', address: '某处', hours: '全天', orgIds: [] },
  },
  {
    action: 'registerRecipient',
    input: {
      name: '某某',
      category: 'elder80',
      communityId: 'jn-lukou-lukou',
      address: '禄口某路1号',
      consent: { method: 'verbal' },
      idempotencyKey: 'forbidden-recipient-1',
    },
  },
  { action: 'updateRecipient', input: { recipientId: w.recipients.zhao, address: '江宁区禄口街道别处1号' } },
  { action: 'recipientDetail', input: { recipientId: w.recipients.zhao } },
  {
    action: 'postNeed',
    input: {
      recipientId: w.recipients.zhao,
      item: '棉被',
      itemCategory: 'clothing',
      unit: '床',
      quantity: 1,
      estimatedValue: 100,
      story: '冬天需要一床厚棉被。',
      deadline: w.at(10 * DAY),
      idempotencyKey: 'forbidden-need-1',
    },
  },
  { action: 'closeNeed', input: { needId: need.id, reason: '不需要了' } },
];

describe('residents (a donor, an 80+ elder who is herself a recipient) cannot act as staff or admins', () => {
  for (const [role, openid] of [
    ['resident', WHO.donor],
    ['80+ recipient', WHO.wang],
    ['volunteer', WHO.volunteer],
  ] as const) {
    it(`${role}: every staff and admin action is FORBIDDEN`, async () => {
      for (const { action: act, input: payload } of [...staffActions(), ...adminActions()])
        await refused(openid, act, payload, 'FORBIDDEN');
      for (const act of ['recipients', 'adminNeeds'] as const) await refused(openid, act, {}, 'FORBIDDEN');
    });
  }
});

it('staff of 心苑 (operating 禄口) cannot act as admins, nor at the 秣陵 supermarket', async () => {
  for (const { action: act, input: payload } of adminActions())
    await refused(WHO.lukouStaff, act, payload, 'FORBIDDEN');
  for (const act of ['recipients', 'adminNeeds'] as const)
    await refused(WHO.lukouStaff, act, {}, 'FORBIDDEN');
  await refused(WHO.lukouStaff, 'receive', { code: molingPledge.code!, condition: 'good' }, 'FORBIDDEN');
  await refused(WHO.lukouStaff, 'staffQueue', { supermarketId: 'jn-moling', stage: 'expected' }, 'FORBIDDEN');
  await refused(WHO.lukouStaff, 'reconciliation', { supermarketId: 'jn-moling' }, 'FORBIDDEN');
});

it('staff of 红叶 (operating 秣陵) cannot touch the 禄口 supermarket', async () => {
  for (const { action: act, input: payload } of staffActions())
    await refused(WHO.molingStaff, act, payload, 'FORBIDDEN');
});

it('the 秣陵 street admin cannot act on 禄口 people, places or the 禄口 supermarket', async () => {
  for (const { action: act, input: payload } of [...staffActions(), ...adminActions()])
    await refused(WHO.molingAdmin, act, payload, 'FORBIDDEN');
});

it('only the donor cancels; only the recipient (or staff with the code) confirms; only the recipient or an admin thanks', async () => {
  await refused(WHO.donor2, 'cancelPledge', { donationId: pledged.id }, 'FORBIDDEN');
  await refused(WHO.lukouStaff, 'cancelPledge', { donationId: pledged.id }, 'FORBIDDEN');
  await refused(WHO.donor2, 'confirm', { donationId: onTheWay.id }, 'FORBIDDEN');
  await refused(WHO.wang, 'confirm', { donationId: onTheWay.id }, 'FORBIDDEN');
  await refused(WHO.lukouStaff, 'confirm', { donationId: onTheWay.id }, 'FORBIDDEN');
  await refused(WHO.donor2, 'thank', { donationId: onTheWay.id, message: '谢谢' }, 'FORBIDDEN');
  await refused(WHO.lukouStaff, 'thank', { donationId: onTheWay.id, message: '谢谢' }, 'FORBIDDEN');
});

it('someone who never logged in may read the public ledger but not give or act', async () => {
  const stranger = 'never-logged-in';
  for (const [act, payload] of [
    ['needs', {}],
    ['need', { needId: need.id }],
    ['ledger', {}],
    ['stats', {}],
    ['digests', {}],
    ['supermarkets', {}],
    ['donation', { donationId: pledged.id }],
    ['verify', { donationId: pledged.id }],
  ] as const) {
    const r = await w.demo.call('charity', stranger, act, payload);
    expect({ act, ok: r.ok }).toEqual({ act, ok: true });
  }
  await refused(
    stranger,
    'claim',
    { needId: need.id, quantity: 1, pledgeBy: w.at(DAY), idempotencyKey: w.key() },
    'UNAUTHENTICATED',
  );
  await refused(stranger, 'receive', { code: pledged.code!, condition: 'good' }, 'UNAUTHENTICATED');
  await refused(stranger, 'recipients', {}, 'UNAUTHENTICATED');
});

describe('bad input is refused with the field named, and writes nothing', () => {
  const claim = (over: Record<string, unknown>) => ({
    needId: need.id,
    quantity: 1,
    pledgeBy: w.at(DAY),
    idempotencyKey: 'bad-input-key-1',
    ...over,
  });
  it.each([
    ['quantity 0', { quantity: 0 }, 'quantity'],
    ['quantity over the limit', { quantity: 51 }, 'quantity'],
    ['a fractional quantity', { quantity: 1.5 }, 'quantity'],
    ['a date that is not a date', { pledgeBy: '明天' }, 'pledgeBy'],
    ['a pledge date too soon', { pledgeBy: new Date(Date.now() + 60_000).toISOString() }, 'pledgeBy'],
    ['a pledge date too far', { pledgeBy: new Date(Date.now() + 30 * DAY).toISOString() }, 'pledgeBy'],
    ['an unknown field', { price: 3 }, 'price'],
    ['an identity field', { openid: WHO.lukouAdmin }, 'openid'],
    ['a short key', { idempotencyKey: 'k' }, 'idempotencyKey'],
  ])('claim with %s', async (_name, over, path) => {
    const before = snapshot();
    const r = await w.demo.call('charity', WHO.donor, 'claim', claim(over));
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path }] } });
    expect(snapshot()).toBe(before);
  });

  it('a need whose story names the recipient, or is risky, or lies outside 90 days', async () => {
    const post = (over: Record<string, unknown>) =>
      w.demo.call('charity', WHO.lukouAdmin, 'postNeed', {
        recipientId: w.recipients.zhao,
        item: '棉被',
        itemCategory: 'clothing',
        unit: '床',
        quantity: 1,
        estimatedValue: 100,
        story: '冬天需要一床厚棉被。',
        deadline: w.at(10 * DAY),
        idempotencyKey: w.key(),
        ...over,
      });
    const before = snapshot();
    expect(await post({ story: '赵桂兰老人冬天冷' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'story' }] },
    });
    expect(await post({ story: '联系电话 13951700201' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await post({ story: '住在新桥路36号2栋' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await post({ story: '欢迎加入网络赌博平台' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(await post({ deadline: w.at(100 * DAY) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'deadline' }] },
    });
    expect(await post({ itemCategory: 'cars' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'itemCategory' }] },
    });
    expect(snapshot()).toBe(before);
  });

  it('a recipient without consent, or with a bad phone, is not registered', async () => {
    const before = snapshot();
    const base = {
      name: '某某',
      category: 'elder80',
      communityId: 'jn-lukou-lukou',
      address: '江宁区禄口街道禄口社区某路1号',
      idempotencyKey: w.key(),
    } as const;
    expect(await w.demo.unchecked('charity', WHO.lukouAdmin, 'registerRecipient', base)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'consent' }] },
    });
    expect(
      await w.demo.call('charity', WHO.lukouAdmin, 'registerRecipient', {
        ...base,
        consent: { method: 'verbal' },
        phone: '12345',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'phone' }] } });
    expect(
      await w.demo.call('charity', WHO.lukouAdmin, 'registerRecipient', {
        ...base,
        name: '赵桂兰',
        communityId: 'jn-lukou-xinqiao',
        address: '江宁区禄口街道新桥社区新桥路36号2栋102',
        consent: { method: 'verbal' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '此人已经登记过了' } });
    expect(snapshot()).toBe(before);
  });

  it('an unknown action', async () => {
    const before = snapshot();
    expect(
      await w.demo.unchecked('charity', WHO.donor, 'deleteEvent', { donationId: pledged.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'action' }] },
    });
    expect(snapshot()).toBe(before);
  });
});
