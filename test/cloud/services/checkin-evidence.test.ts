/**
 * services: the evidence rules of a check-in through the real function — inside the window around the slot and
 * the radius of the service address it needs nothing more; too early, too late or too far it is refused with a
 * typed error (INVALID_INPUT on `reason`) and nothing is written, unless the staff member gives a reason, which
 * goes on the timeline and puts the order on the admin's overdue/exception list for a week. Check-out before
 * check-in, or twice, is refused. A community's admins set their own window and radius. Only the staff member
 * who accepted may check in or out. The demo seed checks in by the rules.
 */
import type { ActionInput } from '../../../cloudfunctions/manifest';
import { communityCentre } from '../../../cloudfunctions/services/domain/places';
import { seedServices } from '../../../seed/services';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { AT, C, P, startServicesDemo, type ServicesDemo } from '../../support/services/demoServices';
import { beijing } from '../../support/beijing';

let demo: ServicesDemo;
let bath: string;
beforeAll(async () => {
  demo = await startServicesDemo();
  bath = await demo.approvedItem();
}, 60_000);
afterAll(() => demo.close());

const DAY = 86_400_000;
const lukou = communityCentre(C.lukou);
/** A point `km` north of 禄口社区's centre, where check-ins are measured from (1° of latitude ≈ 111.2 km). */
const north = (km: number) => ({ latitude: lukou.lat + km / 111.195, longitude: lukou.lng });

const stored = (id: string) =>
  demo.cloud.store.docs('service_orders').find((o) => o._id === id) as unknown as Record<string, unknown>;
const statusMessages = () =>
  demo.cloud.outbox.list({ touser: P.wang, templateId: 'local-order_status' }).length;
const exceptions = async (admin: string) => (await demo.sok(admin, 'adminOrders', { view: 'overdue' })).items;

const trips: number[] = [];
async function checkIn(openid: string, payload: ActionInput<'services', 'checkIn'>) {
  const reply = await demo.svc(openid, 'checkIn', payload);
  trips.push(reply.roundTrips);
  return reply;
}
afterAll(() => expect(Math.max(...trips)).toBeLessThanOrEqual(3));

/** 王奶奶 books 助浴 for `slot` (at the demo's Monday morning) and 小林 accepts it. */
async function accepted(slot: string): Promise<string> {
  demo.cloud.clock.set(AT);
  const o = await demo.order(P.wang, bath, slot);
  await demo.sok(P.lin, 'acceptOrder', { orderId: o.id });
  return o.id;
}

/** Expects a check-in refused for want of a reason, with nothing written and nobody told. */
async function refusedWithoutReason(
  id: string,
  location: ActionInput<'services', 'checkIn'>['location'],
  message: string,
): Promise<void> {
  const before = JSON.stringify(stored(id));
  const told = statusMessages();
  const reply = await checkIn(P.lin, { orderId: id, location });
  expect(reply).toMatchObject({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message,
      issues: [{ path: 'reason', message: expect.stringContaining('请写明原因') }],
    },
  });
  expect(JSON.stringify(stored(id))).toBe(before);
  expect(statusMessages()).toBe(told);
}

describe('inside the window and the radius', () => {
  it('is accepted without a reason, tells the staff member the window beforehand, and is no exception', async () => {
    const id = await accepted(demo.slot(1)); // 6月2日 上午 08:00–12:00
    const detail = await demo.svc(P.lin, 'orderDetail', { orderId: id });
    expect(detail.roundTrips).toBe(1); // the community's rule is joined into the one read
    expect(detail.ok && detail.data.checkInWindow).toEqual({
      text: '6月2日 06:00 至 12:00，居民所在社区 500 米内',
      now: 'early',
    });
    // Only the staff member who may check in is told.
    expect(await demo.sok(P.wang, 'orderDetail', { orderId: id })).not.toHaveProperty('checkInWindow');
    expect(await demo.sok(P.he, 'orderDetail', { orderId: id })).not.toHaveProperty('checkInWindow');

    demo.cloud.clock.set(beijing('2026-06-02T06:00:00')); // the moment the window opens
    expect((await demo.sok(P.lin, 'orderDetail', { orderId: id })).checkInWindow?.now).toBe('open');
    const reply = await checkIn(P.lin, { orderId: id, location: north(0.45) });
    expect(reply.roundTrips).toBe(3); // +1: the message kept in the recipient's message centre (common/notify)
    expect(reply).toMatchObject({
      ok: true,
      data: { status: 'in_service', checkIn: { far: false, departures: [] } },
    });
    expect(reply.ok && reply.data.checkIn).not.toHaveProperty('reason');
    expect(reply.ok && reply.data.timeline.at(-1)).toEqual({
      event: 'checked_in',
      text: '服务人员已到达，开始服务',
      at: expect.stringMatching(/^2026-06-01T22:00:/),
      byName: '心苑 社工小林',
    });
    expect(stored(id).checkIn).not.toHaveProperty('departures');
    expect((await exceptions(P.lukou)).map((o) => o.id)).not.toContain(id);
  });

  it('is accepted until the end of the slot', async () => {
    const id = await accepted(demo.slot(1, 'pm')); // 6月2日 下午 13:30–17:30
    // The cloud's clock runs on after it is set: a few seconds before the end, not the end itself.
    demo.cloud.clock.set(beijing('2026-06-02T17:29:50'));
    expect(await checkIn(P.lin, { orderId: id, location: north(0.1) })).toMatchObject({
      ok: true,
      data: { status: 'in_service', checkIn: { departures: [] } },
    });
  });
});

describe('outside the window or the radius', () => {
  let tooEarly: string;
  let tooLate: string;
  let tooFar: string;

  it('two days early and 3 km away: refused without a reason; with one, accepted and the reason is on the timeline', async () => {
    tooEarly = await accepted(demo.slot(2)); // 6月3日 上午
    demo.cloud.clock.set(beijing('2026-06-01T10:00:00'));
    await refusedWithoutReason(
      tooEarly,
      north(3),
      '现在还没到约定的签到时间（6月3日 06:00 至 12:00）；您离居民所在社区约 3.0 公里，约定在 500 米内签到。如确需现在签到，请写明原因。',
    );
    // An empty or risky reason is no reason; an overlong one is refused on the field; nothing is written.
    const before = JSON.stringify(stored(tooEarly));
    expect(await checkIn(P.lin, { orderId: tooEarly, location: north(3), reason: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'reason' }] },
    });
    expect(
      await checkIn(P.lin, { orderId: tooEarly, location: north(3), reason: '原'.repeat(101) }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'reason' }] } });
    expect(
      await checkIn(P.lin, { orderId: tooEarly, location: north(3), reason: '顺便帮我买彩票代购赌球' }),
    ).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(JSON.stringify(stored(tooEarly))).toBe(before);

    const reply = await checkIn(P.lin, {
      orderId: tooEarly,
      location: north(3),
      reason: '老人约了周三上午去医院，家属让今天先上门',
    });
    expect(reply.roundTrips).toBe(3); // +1: the message kept in the recipient's message centre (common/notify)
    expect(reply).toMatchObject({
      ok: true,
      data: {
        status: 'in_service',
        checkIn: {
          far: true,
          departures: ['early', 'far'],
          reason: '老人约了周三上午去医院，家属让今天先上门',
        },
      },
    });
    expect(reply.ok && reply.data.timeline.at(-1)).toMatchObject({
      event: 'checked_in',
      text: '服务人员签到，开始服务（早于约定时间、离居民所在社区较远）',
      note: '老人约了周三上午去医院，家属让今天先上门',
    });
    expect(stored(tooEarly)).toMatchObject({
      status: 'in_service',
      checkIn: {
        departures: ['early', 'far'],
        reason: '老人约了周三上午去医院，家属让今天先上门',
        distanceKm: 3,
      },
    });
    // The resident side sees the same line on the timeline.
    const resident = await demo.sok(P.wang, 'orderDetail', { orderId: tooEarly });
    expect(resident.timeline.at(-1)).toMatchObject({ note: '老人约了周三上午去医院，家属让今天先上门' });
  });

  it('after the slot: refused without a reason, accepted with one', async () => {
    tooLate = await accepted(demo.slot(2, 'pm')); // 6月3日 下午 13:30–17:30
    demo.cloud.clock.set(beijing('2026-06-03T17:31:00'));
    await refusedWithoutReason(
      tooLate,
      north(0.2),
      '现在已经过了约定的签到时间（6月3日 11:30 至 17:30）。如确需现在签到，请写明原因。',
    );
    expect(
      await checkIn(P.lin, { orderId: tooLate, location: north(0.2), reason: '前一单老人摔倒送医，耽误了' }),
    ).toMatchObject({ ok: true, data: { checkIn: { far: false, departures: ['late'] } } });
  });

  it('far from the address in the slot: refused without a reason, accepted with one', async () => {
    tooFar = await accepted(demo.slot(3)); // 6月4日 上午
    demo.cloud.clock.set(beijing('2026-06-04T08:30:00'));
    await refusedWithoutReason(
      tooFar,
      north(0.6),
      '现在您离居民所在社区约 600 米，约定在 500 米内签到。如确需现在签到，请写明原因。',
    );
    expect(
      await checkIn(P.lin, { orderId: tooFar, location: north(0.6), reason: '老人在社区卫生服务中心等我' }),
    ).toMatchObject({ ok: true, data: { checkIn: { far: true, departures: ['far'] } } });
  });

  it('puts the order on the admin’s overdue/exception list, with the reason, for a week', async () => {
    demo.cloud.clock.set(beijing('2026-06-04T09:00:00'));
    const listed = await demo.svc(P.lukou, 'adminOrders', { view: 'overdue' });
    expect(listed.roundTrips).toBeLessThanOrEqual(3);
    const cards = listed.ok ? listed.data.items : [];
    expect(cards.filter((o) => o.checkInException).map((o) => [o.id, o.checkInException])).toEqual([
      [tooEarly, '签到早于约定时间、离居民所在社区较远：老人约了周三上午去医院，家属让今天先上门'],
      [tooLate, '签到晚于约定时间：前一单老人摔倒送医，耽误了'],
      [tooFar, '签到离居民所在社区较远：老人在社区卫生服务中心等我'],
    ]);
    // The district sees it too; another street does not.
    expect((await exceptions(P.district)).map((o) => o.id)).toEqual(
      expect.arrayContaining([tooEarly, tooFar]),
    );
    expect((await exceptions(P.moling)).map((o) => o.id)).not.toContain(tooEarly);
    // Finished and rated, it stays listed; a week after the check-in it is gone.
    await demo.sok(P.lin, 'checkOut', { orderId: tooFar, notes: '在社区卫生服务中心协助洗浴' });
    await demo.sok(P.wang, 'rateOrder', { orderId: tooFar, rating: 5 });
    expect((await exceptions(P.lukou)).map((o) => o.id)).toContain(tooFar);
    demo.cloud.clock.set(beijing('2026-06-04T08:30:00').getTime() + 7 * DAY + 60_000);
    expect((await exceptions(P.lukou)).map((o) => o.id)).not.toContain(tooFar);
  });
});

describe('check-out', () => {
  it('is refused before check-in and a second time, with nothing written', async () => {
    const id = await accepted(demo.slot(4));
    demo.cloud.clock.set(beijing('2026-06-05T08:05:00'));
    const before = JSON.stringify(stored(id));
    expect(await demo.svc(P.lin, 'checkOut', { orderId: id, notes: '完成' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '还没有签到，请先签到再签退' },
    });
    expect(JSON.stringify(stored(id))).toBe(before);
    await demo.sok(P.lin, 'checkIn', { orderId: id, location: north(0.1) });
    demo.cloud.clock.set(beijing('2026-06-05T09:30:00'));
    // Two taps at once: one wins.
    const both = await Promise.all([
      demo.svc(P.lin, 'checkOut', { orderId: id, notes: '协助洗浴 40 分钟' }),
      demo.svc(P.lin, 'checkOut', { orderId: id, notes: '协助洗浴 40 分钟' }),
    ]);
    expect(both.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    const done = JSON.stringify(stored(id));
    expect(await demo.svc(P.lin, 'checkOut', { orderId: id, notes: '再签一次' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这个工单已经签退过了' },
    });
    expect(JSON.stringify(stored(id))).toBe(done);
    const timeline = (stored(id) as { timeline: { event: string }[] }).timeline.map((t) => t.event);
    expect(timeline.filter((e) => e === 'completed')).toHaveLength(1);
  });
});

describe('who may check in and out', () => {
  it('only the staff member who accepted, reason or not', async () => {
    const id = await accepted(demo.slot(5));
    demo.cloud.clock.set(beijing('2026-06-06T08:00:00'));
    const before = JSON.stringify(stored(id));
    for (const [who, code] of [
      [P.he, 'FORBIDDEN'], // a colleague
      [P.wang, 'FORBIDDEN'], // the resident served
      [P.zhang, 'FORBIDDEN'], // her family
      [P.lukou, 'FORBIDDEN'], // the street admin
      [P.song, 'NOT_FOUND'], // staff of another organization
      [P.li, 'NOT_FOUND'], // another resident
    ] as const) {
      expect(await checkIn(who, { orderId: id, location: north(0), reason: '顺路' })).toMatchObject({
        ok: false,
        error: { code },
      });
      expect(await demo.svc(who, 'checkOut', { orderId: id, notes: '完成' })).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    // An identity in the event is refused, never trusted.
    expect(
      await demo.unchecked('services', P.he, 'checkIn', { orderId: id, location: north(0), openid: P.lin }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(JSON.stringify(stored(id))).toBe(before);
  });
});

describe('a community’s own window and radius', () => {
  it('is set by an admin over that community only, validated, and then honoured', async () => {
    const rules = () => demo.cloud.store.docs('service_checkin_rules');
    const own = { communityId: C.lukou, earlyMinutes: 30, lateMinutes: 60, radiusM: 1500 };
    for (const who of [P.moling, P.lin, P.wang])
      expect(await demo.svc(who, 'setCheckInRule', own)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(await demo.svc(P.lukou, 'setCheckInRule', { ...own, radiusM: 50 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'radiusM' }] },
    });
    expect(await demo.svc(P.lukou, 'setCheckInRule', { ...own, earlyMinutes: 721 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'earlyMinutes' }] },
    });
    expect(await demo.svc(P.lukou, 'setCheckInRule', { ...own, communityId: 'jn-lukou' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(rules()).toHaveLength(0);
    const set = await demo.svc(P.lukou, 'setCheckInRule', own);
    expect(set.roundTrips).toBe(2);
    expect(set).toMatchObject({
      ok: true,
      data: {
        ...own,
        text: '服务开始前 30 分钟到服务时段结束后 1 小时、居民所在社区 1500 米内签到，不需说明原因',
      },
    });
    const { communityId, ...rule } = own;
    expect(rules()).toEqual([
      expect.objectContaining({ _id: communityId, ...rule, setBy: demo.id(P.lukou) }),
    ]);

    // 6月7日 上午: the window is now 07:30–13:00, the radius 1.5 km.
    const early = await accepted(demo.slot(6));
    demo.cloud.clock.set(beijing('2026-06-07T07:00:00')); // fine by the defaults, early by this community's rule
    expect((await demo.sok(P.lin, 'orderDetail', { orderId: early })).checkInWindow).toEqual({
      text: '6月7日 07:30 至 13:00，居民所在社区 1500 米内',
      now: 'early',
    });
    await refusedWithoutReason(
      early,
      north(0.1),
      '现在还没到约定的签到时间（6月7日 07:30 至 13:00）。如确需现在签到，请写明原因。',
    );
    const late = await accepted(demo.slot(6, 'pm'));
    demo.cloud.clock.set(beijing('2026-06-07T18:20:00')); // 50 minutes after the slot, 1.2 km away: both allowed here
    expect(await checkIn(P.lin, { orderId: late, location: north(1.2) })).toMatchObject({
      ok: true,
      data: { status: 'in_service', checkIn: { far: false, departures: [] } },
    });
    // A neighbouring community keeps the defaults.
    demo.cloud.clock.set(AT);
    const xinqiaoBath = await demo.approvedItem({ communityIds: [C.lukou, C.xinqiao] });
    await demo.person('test-xinqiao-elder', {
      nickname: '新桥 周奶奶',
      communityId: C.xinqiao,
      birthYear: 1940,
    });
    const other = await demo.order('test-xinqiao-elder', xinqiaoBath, demo.slot(6), {
      address: '江宁区禄口街道新桥社区河边路 8 号',
      contactPhone: '13851700188',
    });
    await demo.sok(P.lin, 'acceptOrder', { orderId: other.id });
    expect((await demo.sok(P.lin, 'orderDetail', { orderId: other.id })).checkInWindow).toEqual({
      text: '6月7日 06:00 至 12:00，居民所在社区 500 米内',
      now: 'early',
    });
  });
});

describe('the demo seed', () => {
  let seeded: DemoCloud;
  beforeAll(async () => {
    seeded = await startDemoCloud();
    await seedServices(seeded.cloud, seeded.seed);
  }, 60_000);
  afterAll(() => seeded.close());

  it('checks in by the rules, but for one visit away from home with its reason, on the 东山 admin’s list', async () => {
    const checkedIn = seeded.cloud.store.docs('service_orders').filter((o) => o.checkIn) as unknown as {
      _id: string;
      checkIn: { departures?: string[]; reason?: string };
    }[];
    expect(checkedIn).toHaveLength(5);
    const outside = checkedIn.filter((o) => o.checkIn.departures);
    expect(outside.map((o) => o.checkIn)).toEqual([
      expect.objectContaining({ departures: ['far'], reason: '孙奶奶这几天住在女儿家，按家属要求送到那里' }),
    ]);
    const listed = await seeded.ok('services', 'demo-admin-dongshan', 'adminOrders', {
      view: 'overdue',
    });
    expect(listed.items.map((o) => [o.id, o.checkInException])).toEqual([
      [outside[0]!._id, '签到离居民所在社区较远：孙奶奶这几天住在女儿家，按家属要求送到那里'],
    ]);
  });
});
