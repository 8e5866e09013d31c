/**
 * charity under real concurrency (the function host runs instances in parallel against one store): the last
 * units of a need are never claimed twice, a donation code is received once, a retried tap has one effect, a
 * stock item is allocated once, and a whole allocation racing a part of the same gift never both land.
 */
import { DAY, startCharity, WHO, type CharityWorld } from './fixture';

let w: CharityWorld;
const donors = Array.from({ length: 100 }, (_, i) => `race-donor-${i}`);
beforeAll(async () => {
  w = await startCharity();
  for (const openid of donors) await w.demo.ok('account', openid, 'login');
}, 60_000);
afterAll(() => w.close());

type Doc = Record<string, unknown> & { _id: string };
const needDoc = (id: string) =>
  w.demo.cloud.store.docs('charity_needs').find((d) => d._id === id)! as unknown as Doc & {
    available: number;
    claims: Record<string, { q: number; state: string }>;
  };
const donationsOf = (needId: string) =>
  w.demo.cloud.store.docs('charity_donations').filter((d) => d.needId === needId) as unknown as (Doc & {
    quantity: number;
  })[];

it('100 donors racing for the last 10 units: exactly 10 units claimed, everyone else told none are left', async () => {
  const need = await w.postNeed('zhao', { quantity: 12, item: '挂面', unit: '把' });
  await w.claim(WHO.donor, need.id, 2);
  const replies = await Promise.all(
    donors.map((openid) =>
      w.demo.call('charity', openid, 'claim', {
        needId: need.id,
        quantity: 1,
        pledgeBy: w.at(DAY),
        idempotencyKey: w.key(),
      }),
    ),
  );
  const won = replies.filter((r) => r.ok);
  expect(won).toHaveLength(10);
  const lost = replies.filter((r) => !r.ok);
  expect(new Set(lost.map((r) => (r.ok ? '' : r.error.code)))).toEqual(new Set(['LIMIT_REACHED']));
  expect(Math.max(...replies.map((r) => r.roundTrips))).toBeLessThanOrEqual(3);
  const doc = needDoc(need.id);
  expect(doc.available).toBe(0);
  const active = Object.values(doc.claims).filter((c) => c.state === 'active');
  expect(active.reduce((s, c) => s + c.q, 0)).toBe(12);
  expect(donationsOf(need.id).reduce((s, d) => s + d.quantity, 0)).toBe(12);
  expect(donationsOf(need.id)).toHaveLength(11);
}, 60_000);

it('mixed quantities racing for the last 10 units never hand out more than 10', async () => {
  const need = await w.postNeed('qian', { quantity: 10, item: '护理垫', unit: '包' });
  const replies = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      w.demo.call('charity', `race-donor-${i}`, 'claim', {
        needId: need.id,
        quantity: 1 + (i % 3),
        pledgeBy: w.at(DAY),
        idempotencyKey: w.key(),
      }),
    ),
  );
  const granted = replies.reduce((s, r) => s + (r.ok ? r.data.quantity : 0), 0);
  expect(granted).toBeLessThanOrEqual(10);
  expect(needDoc(need.id).available).toBe(10 - granted);
  expect(donationsOf(need.id).reduce((s, d) => s + d.quantity, 0)).toBe(granted);
  // The rest could not have fitted: what is left is smaller than the smallest refused request.
  const refused = replies.map((r, i) => (r.ok ? Infinity : 1 + (i % 3)));
  expect(10 - granted).toBeLessThan(Math.min(...refused));
});

it('10 concurrent receipts of one code: one receive event, nine replays', async () => {
  const need = await w.postNeed('zhao', { quantity: 1, item: '棉被', unit: '床' });
  const d = await w.claim(WHO.donor2, need.id, 1);
  const staff = [WHO.lukouStaff, WHO.lukouStaff2, WHO.lukouAdmin];
  const replies = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      w.demo.call('charity', staff[i % 3]!, 'receive', { code: d.code!, condition: 'good' }),
    ),
  );
  expect(replies.every((r) => r.ok && r.data.donation.status === 'received')).toBe(true);
  expect(replies.filter((r) => r.ok && !r.data.replayed)).toHaveLength(1);
  const doc = w.demo.cloud.store.docs('charity_donations').find((x) => x._id === d.id)! as unknown as {
    events: { type: string }[];
  };
  expect(doc.events.map((e) => e.type)).toEqual(['pledged', 'received']);
  expect(w.demo.cloud.outbox.list({ touser: WHO.donor2, templateId: 'local-charity_received' })).toHaveLength(
    1,
  );
});

it('one claim tapped 10 times at once (the same key): one donation, the units taken once', async () => {
  const need = await w.postNeed('zhou', { quantity: 5, item: '食用油', unit: '桶' });
  const idempotencyKey = w.key();
  const replies = await Promise.all(
    Array.from({ length: 10 }, () =>
      w.demo.call('charity', WHO.volunteer, 'claim', {
        needId: need.id,
        quantity: 2,
        pledgeBy: w.at(DAY),
        idempotencyKey,
      }),
    ),
  );
  expect(replies.every((r) => r.ok)).toBe(true);
  expect(new Set(replies.map((r) => (r.ok ? r.data.id : '')))).toHaveProperty('size', 1);
  expect(donationsOf(need.id)).toHaveLength(1);
  expect(needDoc(need.id).available).toBe(3);
});

/** A received general-stock gift of `quantity` bags of rice at 禄口. */
async function stockGift(quantity: number) {
  const d = await w.demo.ok('charity', WHO.donor, 'pledgeToStock', {
    supermarketId: 'jn-lukou',
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity,
    pledgeBy: w.at(DAY),
    idempotencyKey: w.key(),
  });
  return w.step(WHO.lukouStaff, 'receive', { code: d.code!, condition: 'good' });
}
const giftDoc = (id: string) =>
  w.demo.cloud.store.docs('charity_donations').find((x) => x._id === id)! as unknown as Doc & {
    status: string;
    events: { type: string }[];
  };
const partsOf = (giftId: string) =>
  w.demo.cloud.store.docs('charity_donations').filter((d) => d.giftId === giftId) as unknown as (Doc & {
    quantity: number;
    needId: string;
  })[];
const activeUnits = (needId: string) =>
  Object.values(needDoc(needId).claims)
    .filter((c) => c.state === 'active')
    .reduce((s, c) => s + c.q, 0);

it('one stock item allocated whole to two needs at once: one allocation lands, the other need keeps its units', async () => {
  const item = await stockGift(1);
  const a = await w.postNeed('zhao', { quantity: 1 });
  const b = await w.postNeed('zhou', { quantity: 1 });
  const replies = await Promise.all([
    w.demo.call('charity', WHO.lukouStaff, 'allocate', { donationId: item.id, needId: a.id }),
    w.demo.call('charity', WHO.lukouStaff2, 'allocate', { donationId: item.id, needId: b.id }),
  ]);
  expect(replies.filter((r) => r.ok)).toHaveLength(1);
  expect(replies.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(1);
  const [part] = partsOf(item.id);
  expect(partsOf(item.id)).toHaveLength(1);
  expect(part).toMatchObject({ quantity: 1, status: 'allocated' });
  expect(needDoc(part!.needId).available).toBe(0);
  expect(needDoc(part!.needId === a.id ? b.id : a.id).available).toBe(1);
  expect(giftDoc(item.id).events.map((e) => e.type)).toEqual(['pledged', 'received']);
});

it('a whole allocation racing a part allocation of the same gift, 10 rounds: exactly one lands each time', async () => {
  for (let round = 0; round < 10; round += 1) {
    const gift = await stockGift(3);
    // Even rounds: two needs; odd rounds: both ask for the same need.
    const forWhole = await w.postNeed('wang', { quantity: 3 });
    const forPart = round % 2 === 0 ? await w.postNeed('zhao', { quantity: 3 }) : forWhole;
    const whole = () =>
      w.demo.call('charity', WHO.lukouStaff, 'allocate', {
        donationId: gift.id,
        needId: forWhole.id,
        ...(round % 4 < 2 ? { idempotencyKey: w.key() } : {}),
      });
    const part = () =>
      w.demo.call('charity', WHO.lukouStaff2, 'allocate', {
        donationId: gift.id,
        needId: forPart.id,
        quantity: 2,
        ...(round % 4 < 2 ? { idempotencyKey: w.key() } : {}),
      });
    // Which one is sent first alternates too.
    const [w1, p1] =
      round % 3 === 0
        ? await Promise.all([whole(), part()])
        : (await Promise.all([part(), whole()])).reverse();
    const replies = [w1!, p1!];

    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    const lost = replies.find((r) => !r.ok)!;
    expect(['CONFLICT', 'LIMIT_REACHED']).toContain(lost.ok ? 'ok' : lost.error.code);
    const wholeWon = w1!.ok;

    // One part, never more than the gift holds; the gift's own chain unchanged.
    const parts = partsOf(gift.id);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({
      quantity: wholeWon ? 3 : 2,
      needId: wholeWon ? forWhole.id : forPart.id,
    });
    expect(giftDoc(gift.id)).toMatchObject({ status: 'received' });
    expect(giftDoc(gift.id).events.map((e) => e.type)).toEqual(['pledged', 'received']);
    // The winner's need gave exactly its units; the loser's need has all of its own back.
    const taken = wholeWon ? 3 : 2;
    if (forPart.id === forWhole.id) {
      expect(needDoc(forWhole.id).available).toBe(3 - taken);
      expect(activeUnits(forWhole.id)).toBe(taken);
    } else {
      const [winner, loser] = wholeWon ? [forWhole, forPart] : [forPart, forWhole];
      expect(needDoc(winner.id).available).toBe(3 - taken);
      expect(activeUnits(winner.id)).toBe(taken);
      expect(needDoc(loser.id).available).toBe(3);
      expect(activeUnits(loser.id)).toBe(0);
    }
    // The winner's answer shows the gift with its one part; the part verifies back to the gift.
    const won = replies.find((r) => r.ok)!;
    expect(won.ok && won.data.donation).toMatchObject({ id: gift.id, remaining: 3 - taken });
    const v = await w.demo.ok('charity', 'never-logged-in', 'verify', { donationId: parts[0]!._id });
    expect(v).toMatchObject({ intact: true, gift: { donationId: gift.id, intact: true } });
    expect(await w.demo.ok('charity', 'never-logged-in', 'verify', { donationId: gift.id })).toMatchObject({
      intact: true,
    });
  }
}, 120_000);

it('the recipient confirming 5 times at once: one confirmation, the delivery counted once', async () => {
  const need = await w.postNeed('wang', { quantity: 1, item: '保温杯', itemCategory: 'daily', unit: '个' });
  const d = await w.claim(WHO.donor, need.id, 1);
  await w.step(WHO.lukouStaff, 'receive', { code: d.code!, condition: 'good' });
  await w.step(WHO.lukouStaff, 'dispatch', { donationId: d.id, mode: 'delivery' });
  const replies = await Promise.all(
    Array.from({ length: 5 }, () => w.demo.call('charity', WHO.wang, 'confirm', { donationId: d.id })),
  );
  expect(replies.every((r) => r.ok && r.data.donation.status === 'confirmed')).toBe(true);
  expect(replies.filter((r) => r.ok && !r.data.replayed)).toHaveLength(1);
  expect(needDoc(need.id)).toMatchObject({ delivered: 1 });
  const doc = w.demo.cloud.store.docs('charity_donations').find((x) => x._id === d.id)! as unknown as {
    events: { type: string }[];
  };
  expect(doc.events.filter((e) => e.type === 'confirmed')).toHaveLength(1);
});
