/**
 * charity, the whole chain through the local cloud with the real SDK: point-to-point and general stock from
 * pledge to thanks, who sees what on the way, the donor told at receipt, dispatch and confirmation, the
 * timeline, verification of an intact chain and detection of events altered directly in the database.
 */
import type { DonationView, NeedView } from '../../../cloudfunctions/charity/contract';
import { connectSdk } from '../../support/localcloud';
import { startCharity, WHO, type CharityWorld } from './fixture';

let w: CharityWorld;
beforeAll(async () => {
  w = await startCharity();
});
afterAll(() => w.close());

const donationDoc = (id: string) => w.demo.cloud.store.docs('charity_donations').find((d) => d._id === id)!;
const needDoc = (id: string) => w.demo.cloud.store.docs('charity_needs').find((d) => d._id === id)!;
const sent = (touser: string) =>
  w.demo.cloud.outbox.list({ touser, functionName: 'charity' }).map((m) => m.templateId);

describe('point-to-point: 张明 gives 2 of 3 bags of rice to 赵桂兰 (no WeChat)', () => {
  let need: NeedView;
  let d: DonationView;

  it('claims part of the need in 3 round trips and gets the code to show at the supermarket', async () => {
    need = await w.postNeed('zhao');
    const r = await w.demo.call('charity', WHO.donor, 'claim', {
      needId: need.id,
      quantity: 2,
      pledgeBy: w.at(2 * 86_400_000),
      subscribed: true,
      idempotencyKey: w.key(),
    });
    expect(r.roundTrips).toBe(3);
    if (!r.ok) throw new Error(r.error.message);
    d = r.data;
    expect(d).toMatchObject({
      status: 'pledged',
      quantity: 2,
      mine: true,
      recipient: { name: '赵*', street: '禄口街道', category: 'elder80' },
      supermarket: { id: 'jn-lukou', name: '禄口街道慈善超市' },
    });
    expect(d.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(needDoc(need.id)).toMatchObject({ available: 1 });
    const listed = await w.demo.ok('charity', WHO.donor2, 'needs', {
      streetId: 'jn-lukou',
    });
    expect(listed.items.find((n) => n.id === need.id)).toMatchObject({ available: 1, state: 'open' });
  });

  it('staff scan the code, see what to expect (masked), and receive it once; the donor is told', async () => {
    const seen = await w.demo.call('charity', WHO.lukouStaff, 'lookupCode', {
      code: d.code!.toLowerCase().replace('-', ' '),
    });
    expect(seen).toMatchObject({ ok: true, roundTrips: 1, data: { id: d.id, can: { receive: true } } });
    expect(seen.ok && seen.data.contact).toBeUndefined();
    const r = await w.demo.call('charity', WHO.lukouStaff, 'receive', {
      code: d.code!,
      condition: 'good',
    });
    expect(r).toMatchObject({
      ok: true,
      roundTrips: 3, // 2, +1: the message kept in the donor's message centre (common/notify)
      data: { replayed: false, donation: { status: 'received' } },
    });
    expect(sent(WHO.donor)).toEqual(['local-charity_received']);
    const again = await w.demo.call('charity', WHO.lukouStaff2, 'receive', {
      code: d.code!,
      condition: 'good',
    });
    expect(again).toMatchObject({ ok: true, data: { replayed: true, donation: { status: 'received' } } });
    expect((donationDoc(d.id).events as unknown[]).length).toBe(2);
  });

  it('dispatch: the delivering staff get the contact; the donor, other staff and the public do not', async () => {
    const r = await w.demo.call('charity', WHO.lukouStaff, 'dispatch', {
      donationId: d.id,
      mode: 'delivery',
    });
    expect(r).toMatchObject({
      ok: true,
      roundTrips: 3, // 2, +1: the message kept in the donor's message centre (common/notify)
      data: {
        donation: {
          status: 'out_for_delivery',
          contact: {
            name: '赵桂兰',
            phone: '13951700201',
            address: '江宁区禄口街道新桥社区新桥路36号2栋102',
          },
        },
      },
    });
    expect(r.ok && r.data.donation.confirmCode).toBeUndefined();
    expect(sent(WHO.donor)).toEqual(['local-charity_received', 'local-charity_dispatched']);
    for (const who of [WHO.donor, WHO.lukouStaff2, WHO.donor2, WHO.molingAdmin]) {
      const v = await w.demo.ok('charity', who, 'donation', { donationId: d.id });
      expect(v.contact).toBeUndefined();
      expect(v.confirmCode).toBeUndefined();
    }
    const admin = await w.demo.ok('charity', WHO.lukouAdmin, 'donation', { donationId: d.id });
    expect(admin.contact?.name).toBe('赵桂兰');
    expect(admin.confirmCode).toMatch(/^\d{6}$/);
  });

  it('staff confirm with the recipient’s code (a wrong one is counted); the need counts the delivery', async () => {
    const admin = await w.demo.ok('charity', WHO.lukouAdmin, 'donation', { donationId: d.id });
    const wrong = String((Number(admin.confirmCode) + 1) % 1_000_000).padStart(6, '0');
    const bad = await w.demo.call('charity', WHO.lukouStaff, 'confirm', { donationId: d.id, code: wrong });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '收货码不对，还可以再试 4 次' },
    });
    expect(donationDoc(d.id)).toMatchObject({ status: 'out_for_delivery', confirmAttempts: 1 });
    const noCode = await w.demo.call('charity', WHO.lukouStaff, 'confirm', { donationId: d.id });
    expect(noCode).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r = await w.demo.call('charity', WHO.lukouStaff, 'confirm', {
      donationId: d.id,
      code: admin.confirmCode,
    });
    // 3, +1: the message kept in the donor's message centre (common/notify).
    expect(r).toMatchObject({ ok: true, roundTrips: 4, data: { donation: { status: 'confirmed' } } });
    // Delivered: the staff no longer see the contact.
    expect(r.ok && r.data.donation.contact).toBeUndefined();
    expect(needDoc(need.id)).toMatchObject({ delivered: 2, available: 1 });
    expect(sent(WHO.donor)).toEqual([
      'local-charity_received',
      'local-charity_dispatched',
      'local-charity_confirmed',
    ]);
  });

  it('the admin writes down her thanks (not naming her); the timeline shows every step with time and place', async () => {
    const naming = await w.demo.call('charity', WHO.lukouAdmin, 'thank', {
      donationId: d.id,
      message: '赵桂兰谢谢你',
    });
    expect(naming).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'message' }] },
    });
    const r = await w.demo.call('charity', WHO.lukouAdmin, 'thank', {
      donationId: d.id,
      message: '谢谢好心人，米很香！',
    });
    // 2, +1: the message kept in the donor's message centre (common/notify).
    expect(r).toMatchObject({ ok: true, roundTrips: 3, data: { donation: { status: 'thanked' } } });
    const mine = await w.demo.ok('charity', WHO.donor, 'myDonations', {});
    const v = mine.items.find((x) => x.id === d.id)!;
    expect(v.thanks).toBe('谢谢好心人，米很香！');
    expect(v.code).toBeUndefined();
    expect(v.events.map((e) => [e.type, e.place])).toEqual([
      ['pledged', '禄口街道慈善超市'],
      ['received', '禄口街道慈善超市'],
      ['dispatched', '禄口街道慈善超市'],
      ['confirmed', '禄口街道'],
      ['thanked', '禄口街道'],
    ]);
    for (const e of v.events) expect(Date.parse(e.at)).toBeGreaterThan(0);
    expect(v.events.map((e) => e.actor.role)).toEqual(['donor', 'staff', 'staff', 'staff', 'admin']);
    expect(sent(WHO.donor).at(-1)).toBe('local-charity_thanked');
  });

  it('verify: an intact chain is intact (1 round trip before any digest holds it)', async () => {
    const r = await w.demo.call('charity', WHO.donor2, 'verify', { donationId: d.id });
    expect(r).toMatchObject({ ok: true, roundTrips: 1, data: { intact: true, length: 5, anchor: null } });
  });
});

describe('a recipient with the mini program (王奶奶) confirms and thanks herself', () => {
  it('sees her incoming donation with its code, confirms without one, and thanks the donor', async () => {
    const need = await w.postNeed('wang', {
      item: '电热毯',
      itemCategory: 'appliance',
      unit: '床',
      quantity: 1,
    });
    const d = await w.claim(WHO.donor2, need.id, 1);
    await w.step(WHO.lukouStaff, 'receive', { code: d.code!, condition: 'fair' });
    await w.step(WHO.lukouStaff2, 'dispatch', { donationId: d.id, mode: 'pickup' });
    const mine = await w.demo.ok('charity', WHO.wang, 'myReceipts', {});
    const incoming = mine.items.find((x) => x.id === d.id)!;
    expect(incoming).toMatchObject({ status: 'ready_for_pickup', can: { confirm: true } });
    expect(incoming.confirmCode).toMatch(/^\d{6}$/);
    expect(incoming.contact).toBeUndefined();
    const other = await w.demo.call('charity', WHO.donor, 'confirm', { donationId: d.id });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await w.step(WHO.wang, 'confirm', { donationId: d.id });
    expect(done.status).toBe('confirmed');
    expect(done.events.at(-1)).toMatchObject({
      actor: { role: 'recipient' },
      data: { via: 'recipient', quantity: 1 },
      place: '禄口街道慈善超市',
    });
    const replay = await w.demo.ok('charity', WHO.wang, 'confirm', {
      donationId: d.id,
    });
    expect(replay.replayed).toBe(true);
    const thanked = await w.step(WHO.wang, 'thank', { donationId: d.id, message: '谢谢你，晚上睡得暖和了' });
    expect(thanked).toMatchObject({ status: 'thanked', can: { thank: false } });
  });
});

describe('general stock: 赵磊 gives a bag of rice; staff allocate it to 周长林', () => {
  let d: DonationView;
  let need: NeedView;
  let partId: string;

  it('pledges to stock (2 round trips), is received and waits in the allocation queue', async () => {
    const r = await w.demo.call('charity', WHO.volunteer, 'pledgeToStock', {
      supermarketId: 'jn-lukou',
      item: '大米',
      itemCategory: 'food',
      unit: '袋',
      quantity: 1,
      pledgeBy: w.at(86_400_000),
      subscribed: true,
      idempotencyKey: w.key(),
    });
    expect(r).toMatchObject({ ok: true, roundTrips: 2, data: { kind: 'stock', status: 'pledged' } });
    if (!r.ok) return;
    d = r.data;
    expect(d.recipient).toBeUndefined();
    await w.step(WHO.lukouStaff, 'receive', { code: d.code!, condition: 'good' });
    const queue = await w.demo.call('charity', WHO.lukouStaff2, 'staffQueue', {
      supermarketId: 'jn-lukou',
      stage: 'toAllocate',
    });
    expect(queue.roundTrips).toBe(2);
    expect(queue.ok && queue.data.items.map((x) => x.id)).toContain(d.id);
    const early = await w.demo.call('charity', WHO.lukouStaff, 'dispatch', {
      donationId: d.id,
      mode: 'delivery',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('allocates all of it to an open need of the same supermarket in 3 round trips, as one part (a need elsewhere is refused)', async () => {
    need = await w.postNeed('zhou', { item: '大米', quantity: 2 });
    const elsewhere = await w.postNeed('qian');
    const refused = await w.demo.call('charity', WHO.lukouStaff, 'allocate', {
      donationId: d.id,
      needId: elsewhere.id,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const r = await w.demo.call('charity', WHO.lukouStaff, 'allocate', {
      donationId: d.id,
      needId: need.id,
    });
    expect(r).toMatchObject({
      ok: true,
      roundTrips: 3,
      data: {
        donation: {
          id: d.id,
          status: 'received',
          remaining: 0,
          can: { allocate: false },
          parts: [
            {
              quantity: 1,
              status: 'allocated',
              recipient: { name: '周*', street: '禄口街道', category: 'lowIncome' },
            },
          ],
        },
      },
    });
    if (r.ok) partId = r.data.donation.parts![0]!.id;
    expect(needDoc(need.id)).toMatchObject({ available: 1 });
    const queue = await w.demo.ok('charity', WHO.lukouStaff2, 'staffQueue', {
      supermarketId: 'jn-lukou',
      stage: 'toAllocate',
    });
    expect(queue.items.map((x) => x.id)).not.toContain(d.id);
  });

  it('the part goes out for pickup, is confirmed with the code, and its chain verifies back to the gift', async () => {
    await w.step(WHO.lukouStaff, 'dispatch', { donationId: partId, mode: 'pickup' });
    const admin = await w.demo.ok('charity', WHO.lukouAdmin, 'donation', { donationId: partId });
    const done = await w.step(WHO.lukouStaff2, 'confirm', { donationId: partId, code: admin.confirmCode });
    expect(done).toMatchObject({ status: 'confirmed', kind: 'part', giftId: d.id });
    expect(done.events.map((e) => e.type)).toEqual(['allocated', 'dispatched', 'confirmed']);
    expect(sent(WHO.volunteer)).toEqual([
      'local-charity_received',
      'local-charity_pickup',
      'local-charity_confirmed',
    ]);
    expect(await w.demo.ok('charity', WHO.volunteer, 'verify', { donationId: partId })).toMatchObject({
      intact: true,
      length: 3,
      gift: { donationId: d.id, intact: true },
    });
    const gift = await w.demo.ok('charity', WHO.volunteer, 'donation', { donationId: d.id });
    expect(gift.events.map((e) => e.type)).toEqual(['pledged', 'received']);
    expect(gift.parts).toEqual([expect.objectContaining({ id: partId, status: 'confirmed' })]);
    expect(await w.demo.ok('charity', WHO.volunteer, 'verify', { donationId: d.id })).toMatchObject({
      intact: true,
      length: 2,
    });
  });
});

describe('tampering directly in the database is detected, and the broken link named', () => {
  async function delivered(): Promise<DonationView> {
    const need = await w.postNeed('zhao', { quantity: 1, item: '挂面', unit: '箱' });
    const d = await w.claim(WHO.donor2, need.id, 1);
    await w.step(WHO.lukouStaff, 'receive', { code: d.code!, condition: 'good' });
    return w.step(WHO.lukouStaff, 'dispatch', { donationId: d.id, mode: 'delivery' });
  }

  it('an event altered through the store: its content no longer matches its hash', async () => {
    const d = await delivered();
    w.demo.cloud.store.update(
      'charity_donations',
      { _id: d.id },
      { $set: { 'events.1.data.quantity': 5 } },
      { multi: false },
    );
    const v = await w.demo.ok('charity', WHO.donor2, 'verify', { donationId: d.id });
    expect(v).toMatchObject({
      intact: false,
      firstBroken: { seq: 1, reason: 'content', message: '第 2 步的内容与其哈希不符，记录被改动过' },
    });
  });

  it('an event altered through the SDK (time and place): detected at that event', async () => {
    const d = await delivered();
    const db = connectSdk(w.demo.cloud).database();
    await db
      .collection('charity_donations')
      .doc(d.id)
      .update({ data: { 'events.2.place': '别处' } });
    const v = await w.demo.ok('charity', WHO.donor2, 'verify', { donationId: d.id });
    expect(v).toMatchObject({ intact: false, firstBroken: { seq: 2, reason: 'content' } });
  });

  it('an event removed from the middle, or two swapped: named', async () => {
    const a = await delivered();
    const events = donationDoc(a.id).events as unknown[];
    w.demo.cloud.store.update(
      'charity_donations',
      { _id: a.id },
      { $set: { events: [events[0], events[2]] } },
      { multi: false },
    );
    expect(await w.demo.ok('charity', WHO.donor2, 'verify', { donationId: a.id })).toMatchObject({
      intact: false,
      firstBroken: { seq: 1, reason: 'sequence' },
    });
    const b = await delivered();
    const ev = donationDoc(b.id).events as unknown[];
    w.demo.cloud.store.update(
      'charity_donations',
      { _id: b.id },
      { $set: { events: [ev[0], ev[2], ev[1]] } },
      { multi: false },
    );
    expect(await w.demo.ok('charity', WHO.donor2, 'verify', { donationId: b.id })).toMatchObject({
      intact: false,
      firstBroken: { seq: 1, reason: 'sequence' },
    });
  });

  it('the last event dropped (head left alone): the stored head no longer matches', async () => {
    const d = await delivered();
    w.demo.cloud.store.update('charity_donations', { _id: d.id }, { $pop: { events: 1 } }, { multi: false });
    expect(await w.demo.ok('charity', WHO.donor2, 'verify', { donationId: d.id })).toMatchObject({
      intact: false,
      firstBroken: { seq: 2, reason: 'anchor' },
    });
  });

  it('a status changed without a step: the stored status disagrees with the chain', async () => {
    const d = await delivered();
    w.demo.cloud.store.update(
      'charity_donations',
      { _id: d.id },
      { $set: { status: 'confirmed' } },
      { multi: false },
    );
    expect(await w.demo.ok('charity', WHO.donor2, 'verify', { donationId: d.id })).toMatchObject({
      intact: false,
      firstBroken: { reason: 'state' },
    });
  });
});

it('every step only appends: what was stored before a step is stored unchanged after it', async () => {
  const need = await w.postNeed('zhao', { quantity: 1, item: '面粉', unit: '袋' });
  const d = await w.claim(WHO.donor, need.id, 1);
  const stored = () => structuredClone(donationDoc(d.id).events as unknown[]);
  let before = stored();
  const steps: (() => Promise<unknown>)[] = [
    () => w.step(WHO.lukouStaff, 'receive', { code: d.code!, condition: 'good' }),
    () => w.step(WHO.lukouStaff, 'dispatch', { donationId: d.id, mode: 'delivery' }),
    () => w.step(WHO.lukouStaff, 'dispatch', { donationId: d.id, mode: 'pickup' }),
    async () =>
      w.step(WHO.lukouStaff2, 'confirm', {
        donationId: d.id,
        code: (await w.demo.ok('charity', WHO.lukouAdmin, 'donation', { donationId: d.id })).confirmCode,
      }),
    () => w.step(WHO.lukouAdmin, 'thank', { donationId: d.id, message: '谢谢！' }),
  ];
  for (const step of steps) {
    await step();
    const after = stored();
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    before = after;
  }
  expect(await w.demo.ok('charity', WHO.donor, 'verify', { donationId: d.id })).toMatchObject({
    intact: true,
    length: 6,
  });
});

it('staff find the supermarkets they operate; residents operate none', async () => {
  const mine = await w.demo.ok('charity', WHO.lukouStaff, 'supermarkets', {
    mine: true,
  });
  expect(mine.map((s) => s.id)).toEqual(['jn-lukou']);
  expect(mine[0]!.orgIds).toEqual([w.demo.seed.orgIds.xinyuan]);
  expect(await w.demo.ok('charity', WHO.donor, 'supermarkets', { mine: true })).toEqual([]);
  const district = await w.demo.ok('charity', WHO.districtAdmin, 'supermarkets', {
    mine: true,
  });
  expect(district.map((s) => s.id)).toEqual(['jn-dongshan', 'jn-lukou', 'jn-moling']);
  const all = await w.demo.ok('charity', WHO.donor, 'supermarkets', {});
  expect(all.every((s) => s.orgIds === undefined)).toBe(true);
});
