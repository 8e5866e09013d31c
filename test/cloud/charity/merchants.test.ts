/**
 * Partner merchants: the street's admin registers a merchant (a barber) with its staff (existing users, by phone);
 * the merchant's staff put up offers for 爱心积分; a volunteer reserves one like supermarket goods; the merchant's
 * staff — not the supermarket's — look it up and hand it over by scanning the code (10 concurrent hand-overs → 1).
 * Per role, forbidden ones included; bad input writes nothing.
 */
import type { MerchantView, RedemptionView } from '../../../cloudfunctions/charity/contract';
import { startCharity, WHO, type CharityWorld } from './fixture';

let w: CharityWorld;
let barber: MerchantView;
let haircutId = '';
const BARBER_STAFF = 'demo-resident-chen'; // 13851700104
const VOLUNTEER = WHO.volunteer;

const codeOf = (r: { ok: true } | { ok: false; error: { code: string } }) => (r.ok ? 'OK' : r.error.code);
const userId = (openid: string) =>
  w.demo.cloud.store.docs('users').find((u) => u.openid === openid)!._id as string;
const register = {
  streetId: 'jn-moling',
  name: '老陈理发店',
  kind: '理发',
  address: '秣陵街道胜太路 12 号',
  staffPhones: ['13851700104'],
  idempotencyKey: 'merchant-barber-1',
};
const stored = () => JSON.stringify(w.demo.cloud.store.docs('charity_merchants'));

beforeAll(async () => {
  w = await startCharity();
  await w.demo.ok('volunteering', WHO.districtAdmin, 'adjustPoints', {
    targetUserId: userId(VOLUNTEER),
    delta: 200,
    reason: '测试发放',
    idempotencyKey: w.key(),
  });
});
afterAll(() => w.close());

describe('registering a merchant', () => {
  it('is done by an admin over the street, with its staff found by phone, once per key', async () => {
    const r = await w.demo.call('charity', WHO.molingAdmin, 'registerMerchant', register);
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(r.ok && r.data).toMatchObject({
      name: '老陈理发店',
      kind: '理发',
      streetName: '秣陵街道',
      staff: false,
      staffNames: ['陈*'],
    });
    barber = (await w.demo.ok('charity', WHO.molingAdmin, 'registerMerchant', register))!;
    expect(w.demo.cloud.store.docs('charity_merchants')).toEqual([
      expect.objectContaining({ _id: barber.id, staffIds: [userId(BARBER_STAFF)] }),
    ]);
  });

  it('is refused to anyone else, and bad input writes nothing', async () => {
    const before = stored();
    const input = { ...register, idempotencyKey: w.key() };
    for (const who of [WHO.lukouAdmin, WHO.molingStaff, VOLUNTEER, BARBER_STAFF])
      expect(codeOf(await w.demo.call('charity', who, 'registerMerchant', input))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await w.demo.call('charity', WHO.molingAdmin, 'registerMerchant', { ...input, streetId: 'nowhere' }),
      ),
    ).toBe('NOT_FOUND');
    for (const bad of [
      { ...input, name: '' },
      { ...input, staffPhones: [] },
      { ...input, staffPhones: ['12345'] },
      { ...input, staffPhones: ['13800000000'] }, // nobody registered it
      { ...input, staffIds: ['x'] },
    ])
      expect(codeOf(await w.demo.unchecked('charity', WHO.molingAdmin, 'registerMerchant', bad))).toBe(
        'INVALID_INPUT',
      );
    expect(stored()).toBe(before);
  });

  it('lists the street’s merchants for everyone; staff names only to the admin and the staff', async () => {
    const mine = await w.demo.call('charity', BARBER_STAFF, 'merchants', { streetId: 'jn-moling' });
    expect(mine.roundTrips).toBeLessThanOrEqual(3);
    expect(mine.ok && mine.data).toMatchObject({
      canRegister: false,
      merchants: [{ name: '老陈理发店', staff: true, staffNames: ['陈*'] }],
    });
    const volunteer = await w.demo.ok('charity', VOLUNTEER, 'merchants', {});
    expect(volunteer.streetId).toBe('jn-moling');
    expect(volunteer.merchants).toEqual([expect.objectContaining({ name: '老陈理发店', staff: false })]);
    expect(volunteer.merchants[0]!.staffNames).toBeUndefined();
    expect((await w.demo.ok('charity', WHO.molingAdmin, 'merchants', {})).canRegister).toBe(true);
  });
});

describe("a merchant's offers", () => {
  it('are put up and changed by its staff only', async () => {
    const input = {
      supermarketId: 'jn-moling',
      merchantId: barber.id,
      name: '理发一次',
      pointsPrice: 30,
      stock: 3,
      idempotencyKey: w.key(),
    };
    for (const who of [WHO.molingStaff, VOLUNTEER, WHO.lukouStaff])
      expect(codeOf(await w.demo.call('charity', who, 'addPointGoods', input))).toBe('FORBIDDEN');
    expect(
      codeOf(await w.demo.call('charity', BARBER_STAFF, 'addPointGoods', { ...input, merchantId: 'nobody' })),
    ).toBe('NOT_FOUND');
    const r = await w.demo.call('charity', BARBER_STAFF, 'addPointGoods', input);
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    expect(r.ok && r.data).toMatchObject({
      name: '理发一次',
      merchant: { id: barber.id, name: '老陈理发店' },
    });
    haircutId = r.ok ? r.data.id : '';
    // The supermarket's staff may not put up goods as the merchant, nor the merchant as the supermarket.
    expect(
      codeOf(
        await w.demo.call('charity', BARBER_STAFF, 'addPointGoods', { ...input, merchantId: undefined }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await w.demo.call('charity', WHO.molingStaff, 'updatePointGoods', {
          goodsId: haircutId,
          stockDelta: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await w.demo.ok('charity', BARBER_STAFF, 'updatePointGoods', { goodsId: haircutId, stockDelta: 2 }),
    ).toMatchObject({ stock: 5 });
  });

  it("show in the street's shop with where to have them, and on the merchant's own shelf for its staff", async () => {
    const shop = await w.demo.ok('charity', VOLUNTEER, 'pointShop', {});
    expect(shop.goods).toEqual([
      expect.objectContaining({
        name: '理发一次',
        affordable: true,
        merchant: { id: barber.id, name: '老陈理发店' },
      }),
    ]);
    const own = await w.demo.call('charity', BARBER_STAFF, 'pointShop', {
      supermarketId: 'jn-moling',
      merchantId: barber.id,
    });
    expect(own.roundTrips).toBeLessThanOrEqual(3);
    expect(own.ok && own.data).toMatchObject({
      staff: true,
      merchant: { name: '老陈理发店' },
      goods: [{ name: '理发一次', stock: 5 }],
    });
    expect(
      (
        await w.demo.ok('charity', WHO.molingStaff, 'pointShop', {
          supermarketId: 'jn-moling',
          merchantId: barber.id,
        })
      ).staff,
    ).toBe(false);
  });

  it("are reserved like supermarket goods and handed over by the merchant's staff only, once", async () => {
    const held = (await w.demo.ok('charity', VOLUNTEER, 'redeem', {
      goodsId: haircutId,
      idempotencyKey: w.key(),
    })) as RedemptionView;
    expect(held).toMatchObject({ supermarketName: '老陈理发店', pointsPrice: 30, balance: 170 });
    for (const who of [WHO.molingStaff, VOLUNTEER, WHO.lukouStaff]) {
      expect(codeOf(await w.demo.call('charity', who, 'lookupRedemption', { code: held.code }))).toBe(
        'FORBIDDEN',
      );
      expect(codeOf(await w.demo.call('charity', who, 'handOver', { code: held.code }))).toBe('FORBIDDEN');
    }
    expect(await w.demo.ok('charity', BARBER_STAFF, 'lookupRedemption', { code: held.code })).toMatchObject({
      holderName: '赵*',
      state: 'reserved',
    });
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => w.demo.call('charity', BARBER_STAFF, 'handOver', { code: held.code })),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map(codeOf)).toEqual(Array(9).fill('CONFLICT'));
    expect(replies.every((r) => r.roundTrips <= 3)).toBe(true);
    const goods = w.demo.cloud.store.docs('charity_point_goods').find((g) => g._id === haircutId)!;
    expect(goods.stock).toBe(4);
    expect(Object.values(goods.holds as Record<string, { s: string; by: string }>)).toEqual([
      expect.objectContaining({ s: 'handed', by: userId(BARBER_STAFF) }),
    ]);
  });
});
