/**
 * charity over time, through the local cloud with the real SDK: reminders and expiry of pledges not brought
 * (the need reopens), cancellations, partial and refused receipts, the stock reconciliation, and the daily
 * digest that makes a consistent rewrite of history detectable.
 */
import type { DonationView, NeedView } from '../../../cloudfunctions/charity/contract';
import { nextEvent, type ChainEvent } from '../../../cloudfunctions/charity/domain/chain';
import { DAY, HOUR, startCharity, WHO, type CharityWorld } from './fixture';

let w: CharityWorld;
beforeAll(async () => {
  w = await startCharity();
});
afterAll(() => w.close());

const donationDoc = (id: string) =>
  w.demo.cloud.store.docs('charity_donations').find((d) => d._id === id)! as unknown as {
    _id: string;
    status: string;
    events: ChainEvent[];
    head: { seq: number; hash: string };
  };
const needDoc = (id: string) => w.demo.cloud.store.docs('charity_needs').find((d) => d._id === id)!;
const sent = (touser: string) =>
  w.demo.cloud.outbox.list({ touser, functionName: 'charity' }).map((m) => m.templateId);
const fire = async (trigger: string) => {
  const out = await w.demo.cloud.timers.fire('charity', trigger);
  if (!out.ok) throw new Error(out.error.message);
  const reply = JSON.parse(out.resultJson) as { ok: boolean; data: Record<string, unknown> };
  if (!reply.ok) throw new Error(out.resultJson);
  return reply.data;
};

describe('a pledge not brought in time', () => {
  let need: NeedView;
  let d: DonationView;

  it('holds the last units meanwhile: nobody else can claim them', async () => {
    need = await w.postNeed('qian', { item: '成人纸尿裤', itemCategory: 'daily', unit: '包', quantity: 2 });
    d = await w.claim(WHO.volunteer, need.id, 2, { pledgeBy: w.at(3 * HOUR) });
    const late = await w.demo.call('charity', WHO.donor, 'claim', {
      needId: need.id,
      quantity: 1,
      pledgeBy: w.at(DAY),
      idempotencyKey: w.key(),
    });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED', message: '这个心愿已被认领完了' },
    });
    const open = await w.demo.ok('charity', WHO.donor, 'needs', {
      streetId: 'jn-moling',
    });
    expect(open.items.map((n) => n.id)).not.toContain(need.id);
  });

  it('the donor is reminded once before it runs out', async () => {
    w.demo.cloud.clock.advance(HOUR);
    expect(await fire('pledgeReminders')).toMatchObject({ reminded: 1 });
    expect(await fire('pledgeReminders')).toMatchObject({ reminded: 0 });
    expect(sent(WHO.volunteer)).toEqual(['local-charity_reminder']);
  });

  it('expires: a system step on the chain, the units back on the need, the donor told; once only', async () => {
    w.demo.cloud.clock.advance(3 * HOUR);
    expect(await fire('pledgeExpiry')).toMatchObject({ expired: 1, released: 1 });
    const doc = donationDoc(d.id);
    expect(doc.status).toBe('expired');
    expect(doc.events.at(-1)).toMatchObject({ type: 'expired', actor: { role: 'system' } });
    expect(needDoc(need.id)).toMatchObject({ available: 2 });
    expect(sent(WHO.volunteer)).toEqual(['local-charity_reminder', 'local-charity_expired']);
    expect(await fire('pledgeExpiry')).toMatchObject({ expired: 0, released: 0 });
    expect(donationDoc(d.id).events).toHaveLength(2);
    const open = await w.demo.ok('charity', WHO.donor, 'needs', {
      streetId: 'jn-moling',
    });
    expect(open.items.find((n) => n.id === need.id)).toMatchObject({ available: 2, state: 'open' });
    const late = await w.demo.call('charity', WHO.molingStaff, 'receive', {
      code: d.code!,
      condition: 'good',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await w.demo.ok('charity', WHO.volunteer, 'verify', { donationId: d.id })).toMatchObject({
      intact: true,
    });
  });

  it('the reopened need can be claimed again', async () => {
    const again = await w.claim(WHO.donor, need.id, 2);
    expect(again.status).toBe('pledged');
    expect(needDoc(need.id)).toMatchObject({ available: 0 });
  });
});

describe('cancelled, partly brought, refused', () => {
  it('a cancelled pledge reopens the need; only the donor may cancel', async () => {
    const need = await w.postNeed('zhao', { quantity: 2 });
    const d = await w.claim(WHO.donor, need.id, 2);
    const other = await w.demo.call('charity', WHO.donor2, 'cancelPledge', { donationId: d.id });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r = await w.demo.call('charity', WHO.donor, 'cancelPledge', { donationId: d.id });
    expect(r).toMatchObject({ ok: true, roundTrips: 3, data: { status: 'cancelled' } });
    expect(needDoc(need.id)).toMatchObject({ available: 2 });
    const twice = await w.demo.call('charity', WHO.donor, 'cancelPledge', { donationId: d.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('fewer units brought than pledged: the rest go back to the need (3 round trips)', async () => {
    const need = await w.postNeed('zhao', { quantity: 3 });
    const d = await w.claim(WHO.donor, need.id, 3);
    const more = await w.demo.call('charity', WHO.lukouStaff, 'receive', {
      code: d.code!,
      quantity: 4,
      condition: 'good',
    });
    expect(more).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const r = await w.demo.call('charity', WHO.lukouStaff, 'receive', {
      code: d.code!,
      quantity: 2,
      condition: 'good',
    });
    // 3, +1: the message kept in the donor's message centre (common/notify).
    expect(r).toMatchObject({ ok: true, roundTrips: 4, data: { donation: { receivedQuantity: 2 } } });
    expect(needDoc(need.id)).toMatchObject({ available: 1 });
  });

  it('an unusable item is refused at the counter and the need reopens', async () => {
    const need = await w.postNeed('zhao', { quantity: 1, item: '牛奶', unit: '箱' });
    const d = await w.claim(WHO.donor2, need.id, 1);
    const r = await w.step(WHO.lukouStaff, 'receive', { code: d.code!, condition: 'unusable' });
    expect(r).toMatchObject({ status: 'rejected' });
    expect(needDoc(need.id)).toMatchObject({ available: 1 });
    expect(sent(WHO.donor2).at(-1)).toBe('local-charity_rejected');
  });
});

describe('reconciliation at the 秣陵 supermarket', () => {
  let onShelf: DonationView;

  it('received − delivered = on hand per item, from the chains; balanced when the count agrees', async () => {
    const towels = async (q: number) =>
      w.demo.ok('charity', WHO.donor2, 'pledgeToStock', {
        supermarketId: 'jn-moling',
        item: '毛巾',
        itemCategory: 'daily',
        unit: '条',
        quantity: q,
        pledgeBy: w.at(DAY),
        idempotencyKey: w.key(),
      });
    onShelf = await towels(3);
    await w.step(WHO.molingStaff, 'receive', { code: onShelf.code!, condition: 'good' });
    const given = await towels(2);
    await w.step(WHO.molingStaff, 'receive', { code: given.code!, condition: 'good' });
    const need = await w.postNeed('sunxy', { item: '毛巾', itemCategory: 'daily', unit: '条', quantity: 2 });
    // All of it to one need: one part of its two units, followed to the recipient.
    const part = (await w.step(WHO.molingStaff, 'allocate', { donationId: given.id, needId: need.id }))
      .parts![0]!.id;
    await w.step(WHO.molingStaff, 'dispatch', { donationId: part, mode: 'delivery' });
    const code = (await w.demo.ok('charity', WHO.molingAdmin, 'donation', { donationId: part })).confirmCode;
    await w.step(WHO.molingStaff, 'confirm', { donationId: part, code });
    await towels(4); // pledged only: not on hand

    const stocktake = await w.demo.call('charity', WHO.molingStaff, 'recordStocktake', {
      supermarketId: 'jn-moling',
      counts: [{ item: '毛巾', unit: '条', counted: 3 }],
      idempotencyKey: w.key(),
    });
    expect(stocktake).toMatchObject({ ok: true, roundTrips: 2 });
    const r = await w.demo.call('charity', WHO.molingStaff, 'reconciliation', {
      supermarketId: 'jn-moling',
    });
    expect(r.roundTrips).toBe(2);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.lines.find((l) => l.item === '毛巾')).toMatchObject({
      received: 5,
      delivered: 2,
      expected: 3,
      onShelf: 3,
      counted: 3,
      flags: [],
    });
  });

  it('flags a count that disagrees, and a status changed behind the chain’s back', async () => {
    await w.demo.ok('charity', WHO.molingAdmin, 'recordStocktake', {
      supermarketId: 'jn-moling',
      counts: [{ item: '毛巾', unit: '条', counted: 2 }],
      idempotencyKey: w.key(),
    });
    let r = await w.demo.ok('charity', WHO.molingAdmin, 'reconciliation', {
      supermarketId: 'jn-moling',
    });
    expect(r.lines.find((l) => l.item === '毛巾')).toMatchObject({ counted: 2, flags: ['count-mismatch'] });
    expect(r.balanced).toBe(false);
    w.demo.cloud.store.update(
      'charity_donations',
      { _id: onShelf.id },
      { $set: { status: 'thanked' } },
      { multi: false },
    );
    r = await w.demo.ok('charity', WHO.molingStaff, 'reconciliation', {
      supermarketId: 'jn-moling',
    });
    expect(r.lines.find((l) => l.item === '毛巾')).toMatchObject({
      expected: 3,
      onShelf: 0,
      flags: ['status-mismatch', 'count-mismatch'],
    });
    expect(r.flaggedDonations).toEqual([{ donationId: onShelf.id, reason: 'status:thanked≠received' }]);
    w.demo.cloud.store.update(
      'charity_donations',
      { _id: onShelf.id },
      { $set: { status: 'received' } },
      { multi: false },
    );
  });
});

describe('the daily digest of all chain heads', () => {
  let anchored: DonationView;
  let firstDate: string;

  it('is published by the timer for the day just ended, over every donation, and chains digests', async () => {
    const need = await w.postNeed('zhou', { item: '食用油', unit: '桶', quantity: 1 });
    anchored = await w.claim(WHO.donor, need.id, 1);
    await w.step(WHO.lukouStaff, 'receive', { code: anchored.code!, condition: 'good' });
    w.demo.cloud.clock.advance(DAY);
    const out = await fire('dailyDigest');
    expect(out.published).toHaveLength(1);
    firstDate = (out.published as string[])[0]!;
    const list = await w.demo.call('charity', WHO.donor2, 'digests', {});
    expect(list.roundTrips).toBe(1);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.data.chainIntact).toBe(true);
    expect(list.data.items).toHaveLength(1);
    expect(list.data.items[0]).toMatchObject({
      date: firstDate,
      count: w.demo.cloud.store.count('charity_donations', {}),
      prev: '0'.repeat(64),
    });
    expect(await fire('dailyDigest')).toMatchObject({ published: [] });
  });

  it('verify anchors the donation in the published digest (2 round trips); later steps keep it matching', async () => {
    let v = await w.demo.call('charity', WHO.donor, 'verify', { donationId: anchored.id });
    expect(v).toMatchObject({
      ok: true,
      roundTrips: 2,
      data: { intact: true, anchor: { date: firstDate, seq: 1, matches: true, digestIntact: true } },
    });
    await w.step(WHO.lukouStaff, 'dispatch', { donationId: anchored.id, mode: 'pickup' });
    v = await w.demo.call('charity', WHO.donor, 'verify', { donationId: anchored.id });
    expect(v).toMatchObject({
      ok: true,
      data: { intact: true, length: 3, anchor: { seq: 1, matches: true } },
    });
  });

  it('catches a consistent rewrite (every hash recomputed) made after publication', async () => {
    const doc = donationDoc(anchored.id);
    const rewritten: ChainEvent[] = [];
    for (const e of doc.events)
      rewritten.push(
        nextEvent(doc._id, rewritten, {
          type: e.type,
          at: e.at,
          place: e.seq === 0 ? '别的超市' : e.place,
          actor: e.actor,
          data: e.data,
        }),
      );
    const head = { seq: rewritten.at(-1)!.seq, hash: rewritten.at(-1)!.hash };
    w.demo.cloud.store.update(
      'charity_donations',
      { _id: doc._id },
      { $set: { events: rewritten, head } },
      { multi: false },
    );
    const v = await w.demo.ok('charity', WHO.donor, 'verify', { donationId: anchored.id });
    expect(v).toMatchObject({
      intact: false,
      firstBroken: { seq: 1, reason: 'anchor', message: '第 2 步与已公示的记录不符，链条被截短或重写' },
      anchor: { matches: false, digestIntact: true },
    });
  });

  it('the next day’s digest holds the previous one’s hash; altering an old digest breaks the digests’ chain', async () => {
    w.demo.cloud.clock.advance(DAY);
    const out = await fire('dailyDigest');
    expect(out.published).toHaveLength(1);
    const list = await w.demo.ok('charity', WHO.donor2, 'digests', {});
    expect(list.items).toHaveLength(2);
    expect(list.items[0]!.prev).toBe(list.items[1]!.hash);
    expect(list.chainIntact).toBe(true);
    w.demo.cloud.store.update(
      'charity_digests',
      { _id: firstDate },
      { $set: { count: 1 } },
      { multi: false },
    );
    const broken = await w.demo.ok('charity', WHO.donor2, 'digests', {});
    expect(broken).toMatchObject({ chainIntact: false, firstBrokenDate: firstDate });
  });
});
