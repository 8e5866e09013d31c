/**
 * charity's side of 爱心积分: supermarket staff put goods on the points shelf; anyone with points reserves them
 * (stock and balance never below zero, 30 concurrent reservations on a balance covering 3 → exactly 3); staff hand
 * them over by scanning the reservation's code (10 concurrent hand-overs → one); the holder may cancel (the unit
 * and the points come back). Per role, forbidden ones included, with the round trips each action costs.
 */
import type { PointGoodsView, RedemptionView } from '../../../cloudfunctions/charity/contract';
import { startCharity, WHO, type CharityWorld } from './fixture';

let w: CharityWorld;
const VOLUNTEER = WHO.volunteer; // 秣陵街道
const STAFF = WHO.molingStaff; // operates 秣陵街道慈善超市
let rice: PointGoodsView;

/** The reply's error code, or OK. */
const codeOf = (r: { ok: true } | { ok: false; error: { code: string } }) => (r.ok ? 'OK' : r.error.code);
const userId = (openid: string) =>
  w.demo.cloud.store.docs('users').find((u) => u.openid === openid)!._id as string;
const entries = (openid: string) =>
  w.demo.cloud.store.docs('points_entries').filter((e) => e.userId === userId(openid));
const goodsDoc = (id: string) => w.demo.cloud.store.docs('charity_point_goods').find((g) => g._id === id)!;
/** Gives someone points the only other way there is: an admin adjustment with a reason. */
const grant = (openid: string, delta: number) =>
  w.demo.ok('volunteering', WHO.districtAdmin, 'adjustPoints', {
    targetUserId: userId(openid),
    delta,
    reason: '测试发放',
    idempotencyKey: w.key(),
  });
const addGoods = (over: { name?: string; pointsPrice?: number; stock?: number } = {}) =>
  w.demo.ok('charity', STAFF, 'addPointGoods', {
    supermarketId: 'jn-moling',
    name: '东北大米 5 斤',
    note: '每人每月限一袋',
    pointsPrice: 50,
    stock: 20,
    idempotencyKey: w.key(),
    ...over,
  });
const redeem = (openid: string, goodsId: string, key = w.key()) =>
  w.demo.call('charity', openid, 'redeem', { goodsId, idempotencyKey: key });

beforeAll(async () => {
  w = await startCharity();
  await grant(VOLUNTEER, 120);
});
afterAll(() => w.close());

describe('goods on the points shelf', () => {
  it('are added by the supermarket staff, once per key', async () => {
    const input = {
      supermarketId: 'jn-moling',
      name: '东北大米 5 斤',
      note: '每人每月限一袋',
      pointsPrice: 50,
      stock: 20,
      idempotencyKey: 'goods-rice-1',
    };
    const r = await w.demo.call('charity', STAFF, 'addPointGoods', input);
    expect(r.ok && r.data).toMatchObject({ name: '东北大米 5 斤', pointsPrice: 50, stock: 20, active: true });
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    rice = (await w.demo.ok('charity', STAFF, 'addPointGoods', input))!;
    expect(w.demo.cloud.store.docs('charity_point_goods')).toHaveLength(1);
  });

  it('are refused to anyone not operating that supermarket, and bad input writes nothing', async () => {
    const before = JSON.stringify(w.demo.cloud.store.docs('charity_point_goods'));
    const input = {
      supermarketId: 'jn-moling',
      name: '毛巾',
      pointsPrice: 10,
      stock: 5,
      idempotencyKey: w.key(),
    };
    for (const who of [WHO.lukouStaff, WHO.lukouAdmin, VOLUNTEER, WHO.donor])
      expect(codeOf(await w.demo.call('charity', who, 'addPointGoods', input))).toBe('FORBIDDEN');
    for (const bad of [
      { ...input, pointsPrice: 0 },
      { ...input, stock: -1 },
      { ...input, name: '' },
      { ...input, pointsPrice: 2.5 },
    ])
      expect(codeOf(await w.demo.unchecked('charity', STAFF, 'addPointGoods', bad))).toBe('INVALID_INPUT');
    for (const who of [WHO.lukouStaff, VOLUNTEER])
      expect(
        codeOf(await w.demo.call('charity', who, 'updatePointGoods', { goodsId: rice.id, stockDelta: 5 })),
      ).toBe('FORBIDDEN');
    expect(JSON.stringify(w.demo.cloud.store.docs('charity_point_goods'))).toBe(before);
  });

  it('are restocked by a delta, never below zero', async () => {
    const towel = await addGoods({ name: '毛巾', pointsPrice: 10, stock: 2 });
    const r = await w.demo.call('charity', STAFF, 'updatePointGoods', { goodsId: towel.id, stockDelta: -3 });
    expect(codeOf(r)).toBe('CONFLICT');
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(
      await w.demo.ok('charity', STAFF, 'updatePointGoods', {
        goodsId: towel.id,
        stockDelta: 3,
        note: '纯棉',
      }),
    ).toMatchObject({ stock: 5, note: '纯棉' });
    expect(goodsDoc(towel.id).stock).toBe(5);
  });

  it("show in the volunteer's street's shop with their balance and what they can get", async () => {
    const r = await w.demo.call('charity', VOLUNTEER, 'pointShop', {});
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(r.ok && r.data).toMatchObject({
      supermarket: { id: 'jn-moling', name: '秣陵街道慈善超市' },
      balance: 120,
      staff: false,
      goods: [
        { name: '毛巾', pointsPrice: 10, affordable: true },
        { name: '东北大米 5 斤', pointsPrice: 50, affordable: true },
      ],
    });
    const other = await w.demo.ok('charity', WHO.donor, 'pointShop', { supermarketId: 'jn-moling' });
    expect(other).toMatchObject({ balance: 0, goods: [{ affordable: false }, { affordable: false }] });
    expect((await w.demo.ok('charity', STAFF, 'pointShop', { supermarketId: 'jn-moling' })).staff).toBe(true);
  });
});

describe('reserving and handing over', () => {
  let reserved: RedemptionView;

  it('takes a unit and spends the points together, once per key', async () => {
    const key = 'redeem-rice-1';
    const r = await redeem(VOLUNTEER, rice.id, key);
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(r.ok && r.data).toMatchObject({
      goodsName: '东北大米 5 斤',
      state: 'reserved',
      stateText: '待领取',
      balance: 70,
    });
    reserved = r.ok ? r.data : reserved;
    const again = await redeem(VOLUNTEER, rice.id, key);
    expect(again.ok && again.data).toEqual(reserved);
    expect(goodsDoc(rice.id).stock).toBe(19);
    expect(entries(VOLUNTEER).filter((e) => e.kind === 'spend')).toEqual([
      expect.objectContaining({
        delta: -50,
        balanceAfter: 70,
        cause: expect.objectContaining({ type: 'redemption' }),
      }),
    ]);
    const mine = await w.demo.call('charity', VOLUNTEER, 'myRedemptions', {});
    expect(mine.roundTrips).toBeLessThanOrEqual(3);
    expect(mine.ok && mine.data.items).toEqual([
      expect.objectContaining({ code: reserved.code, state: 'reserved' }),
    ]);
  });

  it('refuses a reservation the balance does not cover, writing nothing', async () => {
    const before = JSON.stringify([
      w.demo.cloud.store.docs('points_entries'),
      w.demo.cloud.store.docs('charity_point_goods'),
    ]);
    const r = await redeem(WHO.donor, rice.id);
    expect(codeOf(r)).toBe('LIMIT_REACHED');
    expect(r.roundTrips).toBe(1);
    expect(
      JSON.stringify([
        w.demo.cloud.store.docs('points_entries'),
        w.demo.cloud.store.docs('charity_point_goods'),
      ]),
    ).toBe(before);
  });

  it('shows staff what to hand over (the holder masked); nobody else may look', async () => {
    const r = await w.demo.call('charity', STAFF, 'lookupRedemption', { code: reserved.code });
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(r.ok && r.data).toMatchObject({
      goodsName: '东北大米 5 斤',
      holderName: '赵*',
      state: 'reserved',
    });
    for (const who of [WHO.lukouStaff, VOLUNTEER, WHO.donor])
      expect(codeOf(await w.demo.call('charity', who, 'lookupRedemption', { code: reserved.code }))).toBe(
        'FORBIDDEN',
      );
    expect(codeOf(await w.demo.call('charity', STAFF, 'lookupRedemption', { code: 'not-a-code' }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(
        await w.demo.call('charity', STAFF, 'lookupRedemption', { code: `${rice.id}.${'0'.repeat(32)}` }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('hands over once: ten staff scans at the same moment give exactly one hand-over', async () => {
    expect(codeOf(await w.demo.call('charity', WHO.lukouStaff, 'handOver', { code: reserved.code }))).toBe(
      'FORBIDDEN',
    );
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => w.demo.call('charity', STAFF, 'handOver', { code: reserved.code })),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(9);
    for (const r of replies) expect(r.roundTrips).toBeLessThanOrEqual(3);
    const hold = Object.values(goodsDoc(rice.id).holds as Record<string, { s: string; by: string }>)[0]!;
    expect(hold).toMatchObject({ s: 'handed', by: userId(STAFF) });
    expect(codeOf(await w.demo.call('charity', VOLUNTEER, 'cancelRedemption', { code: reserved.code }))).toBe(
      'CONFLICT',
    );
  });

  it('lets the holder cancel one not handed over: the unit and the points come back, once', async () => {
    const r = await redeem(VOLUNTEER, rice.id);
    const code = r.ok ? r.data.code : '';
    expect(goodsDoc(rice.id).stock).toBe(18);
    expect(codeOf(await w.demo.call('charity', WHO.donor, 'cancelRedemption', { code }))).toBe('NOT_FOUND');
    const c = await w.demo.call('charity', VOLUNTEER, 'cancelRedemption', { code });
    expect(c.roundTrips).toBeLessThanOrEqual(3);
    expect(c.ok && c.data).toMatchObject({ state: 'cancelled', balance: 70 });
    expect((await w.demo.ok('charity', VOLUNTEER, 'cancelRedemption', { code })).balance).toBe(70);
    expect(goodsDoc(rice.id).stock).toBe(19);
    expect(entries(VOLUNTEER).filter((e) => e.kind === 'refund')).toHaveLength(1);
    expect(codeOf(await w.demo.call('charity', STAFF, 'handOver', { code }))).toBe('CONFLICT');
  });
});

describe('concurrency', () => {
  it('30 concurrent reservations on a balance that covers 3 give exactly 3', async () => {
    const who = WHO.li;
    await grant(who, 30);
    const soap = await addGoods({ name: '洗衣皂', pointsPrice: 10, stock: 100 });
    const replies = await Promise.all(Array.from({ length: 30 }, () => redeem(who, soap.id)));
    expect(replies.filter((r) => r.ok)).toHaveLength(3);
    expect(replies.filter((r) => codeOf(r) === 'LIMIT_REACHED')).toHaveLength(27);
    const spends = entries(who).filter((e) => e.kind === 'spend');
    expect(spends).toHaveLength(3);
    const all = entries(who).sort((a, b) => (a.n as number) - (b.n as number));
    expect(all.map((e) => e.n)).toEqual(all.map((_e, i) => i + 1));
    expect(all.at(-1)!.balanceAfter).toBe(0);
    expect(all.reduce((s, e) => s + (e.delta as number), 0)).toBe(0);
    const g = goodsDoc(soap.id);
    expect(g.stock).toBe(97);
    const holds = Object.values(g.holds as Record<string, { s: string }>);
    expect(holds.filter((h) => h.s === 'reserved')).toHaveLength(3);
    expect(holds.filter((h) => h.s !== 'reserved' && h.s !== 'void')).toHaveLength(0);
  });

  it('never sells more units than there are', async () => {
    const who = WHO.wang;
    await grant(who, 1000);
    const oil = await addGoods({ name: '食用油', pointsPrice: 20, stock: 4 });
    const replies = await Promise.all(Array.from({ length: 12 }, () => redeem(who, oil.id)));
    expect(replies.filter((r) => r.ok)).toHaveLength(4);
    expect(goodsDoc(oil.id).stock).toBe(0);
    expect(entries(who).filter((e) => e.kind === 'spend')).toHaveLength(4);
    expect(entries(who).at(-1)).toBeDefined();
  });
});

describe('giving points to a family member', () => {
  it('moves points from the giver to the linked family member, once per key', async () => {
    await grant(WHO.donor, 40); // 张明, linked to 王奶奶 in the demo
    const receivedBefore = entries(WHO.wang).filter((e) => e.kind === 'receive').length;
    const input = { targetUserId: userId(WHO.wang), points: 15, idempotencyKey: 'gift-zhang-wang-1' };
    const r = await w.demo.call('charity', WHO.donor, 'givePoints', input);
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(r.ok && r.data).toMatchObject({ points: 15, balance: 25 });
    expect(await w.demo.ok('charity', WHO.donor, 'givePoints', input)).toEqual(r.ok && r.data);
    expect(entries(WHO.donor).filter((e) => e.kind === 'give')).toEqual([
      expect.objectContaining({ delta: -15, balanceAfter: 25 }),
    ]);
    const received = entries(WHO.wang).filter((e) => e.kind === 'receive');
    expect(received).toHaveLength(receivedBefore + 1);
    expect(received.at(-1)).toMatchObject({ delta: 15, cause: expect.objectContaining({ type: 'gift' }) });
    // The other way round too: the elder gives to the neighbour who helps her.
    expect(
      codeOf(
        await w.demo.call('charity', WHO.wang, 'givePoints', {
          targetUserId: userId(WHO.donor),
          points: 5,
          idempotencyKey: 'gift-wang-zhang-1',
        }),
      ),
    ).toBe('OK');
  });

  it('refuses anyone not linked, and more than the giver holds, writing nothing', async () => {
    const before = JSON.stringify(w.demo.cloud.store.docs('points_entries'));
    for (const [from, to] of [
      [WHO.donor, WHO.donor2],
      [WHO.volunteer, WHO.wang],
      [WHO.donor, WHO.donor],
    ] as const)
      expect(
        codeOf(
          await w.demo.call('charity', from, 'givePoints', {
            targetUserId: userId(to),
            points: 1,
            idempotencyKey: w.key(),
          }),
        ),
      ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await w.demo.call('charity', WHO.donor, 'givePoints', {
          targetUserId: userId(WHO.wang),
          points: 1000,
          idempotencyKey: w.key(),
        }),
      ),
    ).toBe('LIMIT_REACHED');
    expect(JSON.stringify(w.demo.cloud.store.docs('points_entries'))).toBe(before);
  });
});
