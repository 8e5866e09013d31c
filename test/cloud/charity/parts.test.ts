/**
 * A gift to general stock allocated in parts (domain/parts): 10 bags of rice → 4 to one elder, 6 to another.
 * Each part is a donation of its own whose chain verifies back to the gift, followed to the recipient's
 * confirmation; the gift's remainder is never over-allocated, even by two staff at once; the donor sees where
 * each part went, masked; only the supermarket's staff may allocate, and bad input writes nothing. The list to
 * allocate pages over the gifts with units left only.
 */
import type { DonationView, NeedView } from '../../../cloudfunctions/charity/contract';
import { DAY, startCharity, WHO, type CharityWorld } from './fixture';

let w: CharityWorld;
beforeAll(async () => {
  w = await startCharity();
}, 60_000);
afterAll(() => w.close());

const docs = (collection: string) => w.demo.cloud.store.docs(collection);
const needDoc = (id: string) => docs('charity_needs').find((d) => d._id === id)!;
const partsOf = (giftId: string) => docs('charity_donations').filter((d) => d.giftId === giftId);

/** A received general-stock gift of `quantity` bags of rice at 禄口 (or at 秣陵). */
async function gift(quantity: number, at: 'jn-lukou' | 'jn-moling' = 'jn-lukou'): Promise<DonationView> {
  const d = await w.demo.ok('charity', WHO.donor, 'pledgeToStock', {
    supermarketId: at,
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity,
    pledgeBy: w.at(DAY),
    idempotencyKey: w.key(),
  });
  const staff = at === 'jn-lukou' ? WHO.lukouStaff : WHO.molingStaff;
  return w.step(staff, 'receive', { code: d.code!, condition: 'good' });
}

describe('ten bags: four to one elder, six to another', () => {
  let rice: DonationView;
  let toWang: NeedView;
  let toZhao: NeedView;
  beforeAll(async () => {
    rice = await gift(10);
    toWang = await w.postNeed('wang', { quantity: 4 });
    toZhao = await w.postNeed('zhao', { quantity: 6 });
  });

  it('allocates a part, keeps the rest on the gift, and a replay adds nothing', async () => {
    const key = w.key();
    const input = { donationId: rice.id, needId: toWang.id, quantity: 4, idempotencyKey: key };
    const first = await w.demo.ok('charity', WHO.lukouStaff, 'allocate', input);
    expect(first.replayed).toBe(false);
    expect(first.donation).toMatchObject({ status: 'received', remaining: 6 });
    expect(first.donation.parts).toEqual([
      expect.objectContaining({ quantity: 4, status: 'allocated', recipient: expect.anything() }),
    ]);
    const again = await w.demo.ok('charity', WHO.lukouStaff, 'allocate', input);
    expect(again).toEqual(first); // a replay answers as the first did
    expect(partsOf(rice.id)).toHaveLength(1);
    expect(needDoc(toWang.id).available).toBe(0);
    const queue = await w.demo.ok('charity', WHO.lukouStaff, 'staffQueue', {
      supermarketId: 'jn-lukou',
      stage: 'toAllocate',
    });
    expect(queue.items.find((d) => d.id === rice.id)).toMatchObject({ remaining: 6 });
  });

  it('refuses more than the remainder, and the whole gift once parts are out, writing nothing', async () => {
    const big = await w.postNeed('zhou', { quantity: 9 });
    const more = await w.demo.call('charity', WHO.lukouStaff, 'allocate', {
      donationId: rice.id,
      needId: big.id,
      quantity: 7,
    });
    expect(more.ok || more.error.code).toBe('LIMIT_REACHED');
    const whole = await w.demo.call('charity', WHO.lukouStaff, 'allocate', {
      donationId: rice.id,
      needId: big.id,
    });
    expect(whole.ok || whole.error.code).toBe('CONFLICT');
    expect(needDoc(big.id).available).toBe(9);
    expect(partsOf(rice.id)).toHaveLength(1);
  });

  it('allocates the last six; the gift leaves the list to allocate', async () => {
    const r = await w.demo.ok('charity', WHO.lukouStaff2, 'allocate', {
      donationId: rice.id,
      needId: toZhao.id,
      quantity: 6,
      idempotencyKey: w.key(),
    });
    expect(r.donation).toMatchObject({ remaining: 0, can: { allocate: false } });
    expect(r.donation.parts!.map((p) => p.quantity)).toEqual([4, 6]);
    const queue = await w.demo.ok('charity', WHO.lukouStaff, 'staffQueue', {
      supermarketId: 'jn-lukou',
      stage: 'toAllocate',
    });
    expect(queue.items.map((d) => d.id)).not.toContain(rice.id);
  });

  it('follows each part to the recipient; the donor sees where each went, masked', async () => {
    const [wangPart, zhaoPart] = (await w.demo.ok('charity', WHO.donor, 'donation', { donationId: rice.id }))
      .parts!;
    await w.step(WHO.lukouStaff, 'dispatch', { donationId: wangPart!.id, mode: 'delivery' });
    const mine = await w.demo.ok('charity', WHO.wang, 'confirm', { donationId: wangPart!.id });
    expect(mine.donation).toMatchObject({ status: 'confirmed', kind: 'part', giftId: rice.id });
    await w.step(WHO.lukouStaff, 'dispatch', { donationId: zhaoPart!.id, mode: 'pickup' });
    const held = await w.demo.ok('charity', WHO.lukouAdmin, 'donation', { donationId: zhaoPart!.id });
    await w.step(WHO.lukouStaff, 'confirm', { donationId: zhaoPart!.id, code: held.confirmCode! });
    expect(needDoc(toWang.id).delivered).toBe(4);
    expect(needDoc(toZhao.id).delivered).toBe(6);

    const seen = await w.demo.ok('charity', WHO.donor, 'donation', { donationId: rice.id });
    expect(seen.parts!.map((p) => [p.quantity, p.status])).toEqual([
      [4, 'confirmed'],
      [6, 'confirmed'],
    ]);
    const names = seen.parts!.map((p) => p.recipient!.name);
    expect(names.every((n) => n.endsWith('*'))).toBe(true);
    expect(seen.contact).toBeUndefined();
    expect(JSON.stringify(seen.parts)).not.toMatch(/address|phone|recipientId/);

    const recon = await w.demo.ok('charity', WHO.lukouStaff, 'reconciliation', { supermarketId: 'jn-lukou' });
    expect(recon.flaggedDonations).toEqual([]);
    expect(recon.lines.find((l) => l.item === '大米')!.flags).not.toContain('status-mismatch');
  });

  it('each part verifies back to the gift, in the public ledger too; a rewritten gift breaks its parts', async () => {
    const part = partsOf(rice.id)[0]!;
    const v = await w.demo.ok('charity', 'never-logged-in', 'verify', { donationId: part._id as string });
    expect(v).toMatchObject({ intact: true, gift: { donationId: rice.id, intact: true } });
    const ledger = await w.demo.ok('charity', 'never-logged-in', 'ledger', { offset: 0, limit: 20 });
    const listed = ledger.items.filter((d) => d.giftId === rice.id);
    expect(listed).toHaveLength(2);
    expect(listed[0]!.events[0]!.data).toMatchObject({ gift: rice.id, giftSeq: 1 });
    // The gift's own line says it is shared out, as the donor's list does.
    const shared = { remaining: 0, parts: [expect.anything(), expect.anything()] };
    expect(ledger.items.find((d) => d.id === rice.id)).toMatchObject(shared);
    const mine = await w.demo.call('charity', WHO.donor, 'myDonations', {});
    expect(mine.roundTrips).toBe(1);
    expect(mine.ok && mine.data.items.find((d) => d.id === rice.id)).toMatchObject(shared);

    w.demo.cloud.store.update(
      'charity_donations',
      { _id: rice.id },
      { $set: { 'events.1.data.quantity': 12 } },
      { multi: false },
    );
    const broken = await w.demo.ok('charity', 'never-logged-in', 'verify', {
      donationId: part._id as string,
    });
    expect(broken).toMatchObject({ intact: false, gift: { intact: false }, firstBroken: { reason: 'gift' } });
  });
});

it('two staff allocating the last units at once: at most the remainder goes out', async () => {
  const rice = await gift(3);
  const a = await w.postNeed('wang', { quantity: 2 });
  const b = await w.postNeed('zhou', { quantity: 2 });
  const replies = await Promise.all([
    w.demo.call('charity', WHO.lukouStaff, 'allocate', { donationId: rice.id, needId: a.id, quantity: 2 }),
    w.demo.call('charity', WHO.lukouStaff2, 'allocate', { donationId: rice.id, needId: b.id, quantity: 2 }),
  ]);
  expect(replies.filter((r) => r.ok)).toHaveLength(1);
  const lost = replies.find((r) => !r.ok)!;
  expect(['CONFLICT', 'LIMIT_REACHED']).toContain(lost.ok ? 'ok' : lost.error.code);
  const parts = partsOf(rice.id);
  expect(parts.reduce((s, p) => s + Number(p.quantity), 0)).toBe(2);
  // The losing need got its units back.
  expect(Number(needDoc(a.id).available) + Number(needDoc(b.id).available)).toBe(2);
});

describe('forbidden and bad input write nothing', () => {
  let rice: DonationView;
  let need: { id: string };
  beforeAll(async () => {
    rice = await gift(2);
    need = await w.postNeed('wang', { quantity: 1 });
  });
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['staff of another supermarket', WHO.molingStaff, { quantity: 1 }, 'FORBIDDEN'],
    ['the donor', WHO.donor, { quantity: 1 }, 'FORBIDDEN'],
    ['an admin of another street', WHO.molingAdmin, { quantity: 1 }, 'FORBIDDEN'],
    ['someone never logged in', 'never-logged-in', { quantity: 1 }, 'UNAUTHENTICATED'],
    ['no units', WHO.lukouStaff, { quantity: 0 }, 'INVALID_INPUT'],
    ['a fraction', WHO.lukouStaff, { quantity: 1.5 }, 'INVALID_INPUT'],
    ['an unknown field', WHO.lukouStaff, { quantity: 1, recipientId: 'x' }, 'INVALID_INPUT'],
  ];
  it.each(cases)('%s', async (_name, who, extra, code) => {
    const r = await w.demo.call('charity', who, 'allocate', {
      donationId: rice.id,
      needId: need.id,
      ...extra,
    } as never);
    expect(r.ok || r.error.code).toBe(code);
    expect(partsOf(rice.id)).toHaveLength(0);
    expect(needDoc(need.id).available).toBe(1);
  });
});

describe('the list to allocate pages over the gifts with units left only', () => {
  // Nine gifts of 2 bags at 秣陵: five fully shared (two of them the last in the list), one shared in part.
  const open: string[] = [];
  beforeAll(async () => {
    const need = await w.postNeed('sunxy', { quantity: 20 });
    const shared = new Set([0, 2, 4, 7, 8]);
    for (let i = 0; i < 9; i += 1) {
      const g = await gift(2, 'jn-moling');
      const allocate = (extra: { quantity?: number }) =>
        w.demo.ok('charity', WHO.molingStaff, 'allocate', { donationId: g.id, needId: need.id, ...extra });
      if (shared.has(i)) await allocate(i % 2 === 0 ? {} : { quantity: 2 });
      else {
        if (i === 3) await allocate({ quantity: 1 });
        open.push(g.id);
      }
    }
  });
  const queue = (offset: number, limit: number) =>
    w.demo.call('charity', WHO.molingStaff, 'staffQueue', {
      supermarketId: 'jn-moling',
      stage: 'toAllocate',
      offset,
      limit,
    });

  it('every page is full, and there is a next page exactly when more gifts are left', async () => {
    const first = await queue(0, 2);
    const second = await queue(2, 2);
    const past = await queue(4, 2);
    for (const r of [first, second, past]) expect(r.roundTrips).toBe(2);
    if (!first.ok || !second.ok || !past.ok) throw new Error('staffQueue refused');
    expect(first.data.items).toHaveLength(2);
    expect(first.data.next).toBe(2);
    expect(second.data.items).toHaveLength(2);
    expect(second.data.next).toBeNull();
    expect(past.data).toEqual({ items: [], next: null });
    const listed = [...first.data.items, ...second.data.items];
    expect(new Set(listed.map((d) => d.id))).toEqual(new Set(open));
    expect(listed.map((d) => d.remaining).sort()).toEqual([1, 2, 2, 2]);
    const whole = await queue(0, 20);
    expect(whole.ok && whole.data.items.map((d) => d.id)).toEqual(listed.map((d) => d.id));
    expect(whole.ok && whole.data.next).toBeNull();
    const three = await queue(0, 3);
    expect(three.ok && [three.data.items.length, three.data.next]).toEqual([3, 3]);
  });
});
