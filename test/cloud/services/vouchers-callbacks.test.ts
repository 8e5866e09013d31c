/**
 * services: vouchers (eligibility checked by admins, community policies, monthly grants, charges on completion,
 * the ledger), callbacks (rating by the resident side, by phone through an admin) and provider satisfaction.
 */
import type { OrderView } from '../../../cloudfunctions/services/contract';
import type { ActionInput } from '../../../cloudfunctions/manifest';
import { C, P, startServicesDemo, type ServicesDemo } from '../../support/services/demoServices';
import { beijing } from '../../support/beijing';

let demo: ServicesDemo;
let bath: string;
beforeAll(async () => {
  demo = await startServicesDemo();
  bath = await demo.approvedItem();
  await demo.fire('monthlyVouchers');
}, 60_000);
afterAll(() => demo.close());

/** An order placed, accepted, started and finished by 小林; returns the finished view. */
async function served(openid: string, slot: string, extra: Record<string, unknown> = {}): Promise<OrderView> {
  const o = await demo.order(openid, bath, slot, extra);
  await demo.sok(P.lin, 'acceptOrder', { orderId: o.id });
  await demo.sok(P.lin, 'checkIn', {
    orderId: o.id,
    location: { latitude: 31.737, longitude: 118.866 },
    reason: '老人约了提前上门', // days before the slot (checkin-evidence.test.ts covers the window)
  });
  const done = await demo.svc(P.lin, 'checkOut', { orderId: o.id, notes: '已协助洗浴' });
  expect(done.roundTrips).toBeLessThanOrEqual(4); // +1: the message kept in the recipient's message centre (common/notify)
  if (!done.ok) throw new Error(done.error.message);
  return done.data;
}

describe('vouchers', () => {
  it('charge completed subsidized orders until the balance is short, then the resident pays; the ledger shows it', async () => {
    const a = await served(P.wang, demo.slot(1));
    const b = await served(P.zhang, demo.slot(2), { beneficiaryId: demo.id(P.wang) });
    const c = await served(P.wang, demo.slot(3));
    expect([a, b, c].map((o) => o.subsidy.status)).toEqual(['deducted', 'deducted', 'self_pay']);
    expect(c.subsidy.text).toBe('补贴券余额不足，本次自付 30 元');
    const view = await demo.svc(P.wang, 'vouchers', {});
    expect(view.roundTrips).toBe(1);
    expect(view).toMatchObject({
      ok: true,
      data: { eligible: true, eligibleText: '每月补贴 80 元，当月有效', balanceFen: 2000, nameMasked: '王*' },
    });
    expect(view.ok && view.data.months[0]!.entries.map((e) => [e.kind, e.amountFen, e.text])).toEqual([
      ['deduct', 3000, '助浴上门 抵扣 30 元'],
      ['deduct', 3000, '助浴上门 抵扣 30 元'],
      ['grant', 8000, '06 月补贴 80 元'],
    ]);
  });

  it('are visible to the person, linked family and admins of the place only', async () => {
    expect(await demo.sok(P.zhang, 'vouchers', { beneficiaryId: demo.id(P.wang) })).toMatchObject({
      balanceFen: 2000,
    });
    expect(await demo.sok(P.lukou, 'vouchers', { beneficiaryId: demo.id(P.wang) })).toMatchObject({
      balanceFen: 2000,
    });
    expect(await demo.sok(P.chen, 'vouchers', { beneficiaryId: demo.seed.proxyElderId })).toMatchObject({
      balanceFen: 8000,
      nameMasked: '孙*',
    });
    for (const who of [P.li, P.lin, P.moling])
      expect(await demo.svc(who, 'vouchers', { beneficiaryId: demo.id(P.wang) })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(await demo.sok(P.zhang, 'vouchers', {})).toMatchObject({
      eligible: false,
      balanceFen: 0,
      months: [],
    });
  });

  it('follow an admin’s check of disability or low income, at once for this month', async () => {
    const target = { targetUserId: demo.id(P.zhang), disabled: true, lowIncome: false };
    for (const who of [P.moling, P.dongshan, P.wang, P.lin])
      expect(await demo.svc(who, 'setEligibility', target)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(await demo.svc(P.lukou, 'setEligibility', { ...target, targetUserId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const set = await demo.svc(P.lukou, 'setEligibility', target);
    expect(set).toMatchObject({
      ok: true,
      data: { voucherGranted: true, voucherText: '已发放本月补贴 80 元' },
    });
    expect(set.roundTrips).toBeLessThanOrEqual(3);
    // Granted once.
    expect(await demo.sok(P.lukou, 'setEligibility', target)).toMatchObject({ voucherGranted: false });
    expect(await demo.sok(P.zhang, 'vouchers', {})).toMatchObject({
      eligible: true,
      balanceFen: 8000,
    });
    const form = await demo.sok(P.zhang, 'itemDetail', { itemId: bath });
    expect(form.beneficiaries[0]).toMatchObject({
      eligible: true,
      eligibleText: '残疾人，可以预约',
      voucherBalanceFen: 8000,
    });
  });

  it('follow the community’s policy from the next month', async () => {
    const policy: ActionInput<'services', 'setVoucherPolicy'> = {
      communityId: C.lukou,
      monthlyYuan: 100,
      eligibility: ['age80'],
    };
    for (const who of [P.moling, P.wang])
      expect(await demo.svc(who, 'setVoucherPolicy', policy)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(await demo.svc(P.lukou, 'setVoucherPolicy', { ...policy, communityId: 'jn-lukou' })).toMatchObject(
      {
        ok: false,
        error: { code: 'NOT_FOUND' },
      },
    );
    expect(await demo.sok(P.lukou, 'setVoucherPolicy', policy)).toMatchObject({
      monthlyFen: 10000,
      text: '80 岁及以上老人每月 100 元，下月起生效',
    });
    expect(await demo.sok(P.wang, 'vouchers', {})).toMatchObject({
      balanceFen: 2000,
      monthlyFen: 10000,
    });
    demo.cloud.clock.set(beijing('2026-07-01T00:05:00'));
    await demo.fire('monthlyVouchers');
    expect(await demo.sok(P.wang, 'vouchers', {})).toMatchObject({ balanceFen: 10000 });
    // 张明 is disabled but 禄口社区 now subsidizes 80+ only; 李爷爷 (秣陵, default policy) still gets 80.
    expect(await demo.sok(P.zhang, 'vouchers', {})).toMatchObject({
      eligible: false,
      balanceFen: 0,
    });
    expect(await demo.sok(P.li, 'vouchers', {})).toMatchObject({ balanceFen: 8000 });
    demo.cloud.clock.set(beijing('2026-06-01T09:00:00'));
  });
});

describe('callbacks and satisfaction', () => {
  it('puts unrated services on the admin’s list a day later; the admin records the answer by phone', async () => {
    demo.cloud.clock.set(beijing('2026-06-01T09:00:00'));
    const o = await served(P.wang, demo.slot(4));
    const list = async () =>
      (await demo.sok(P.lukou, 'adminOrders', { view: 'callback' })).items.map((x) => x.id);
    demo.cloud.clock.advance(23 * 3600_000);
    expect(await list()).not.toContain(o.id);
    demo.cloud.clock.advance(2 * 3600_000);
    expect(await list()).toContain(o.id);
    const answer = { orderId: o.id, rating: 2, comment: '来晚了半小时', complaint: true };
    expect(await demo.svc(P.moling, 'phoneCallback', answer)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await demo.svc(P.wang, 'phoneCallback', answer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await demo.svc(P.lin, 'phoneCallback', answer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const called = await demo.svc(P.lukou, 'phoneCallback', answer);
    expect(called.roundTrips).toBeLessThanOrEqual(3);
    expect(called).toMatchObject({
      ok: true,
      data: { status: 'confirmed', survey: { rating: 2, by: 'phone', complaint: true } },
    });
    expect(called.ok && called.data.timeline.at(-1)).toMatchObject({
      text: '社区电话回访，已记录评价',
      byName: '禄口街道 刘主任',
      note: '来晚了半小时',
    });
    expect(await list()).not.toContain(o.id);
    expect(await demo.svc(P.lukou, 'phoneCallback', answer)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('aggregates satisfaction and complaints per organization for admins of its scope', async () => {
    // So far 心苑 completed four: three unrated, one rated 2 with a complaint. Rate two more.
    const rated = demo.cloud.store
      .docs('service_orders')
      .filter((d) => d.status === 'completed')
      .map((d) => d._id as string);
    await demo.sok(P.wang, 'rateOrder', { orderId: rated[0], rating: 5 });
    await demo.sok(P.zhang, 'rateOrder', { orderId: rated[1], rating: 4 });
    const stats = await demo.svc(P.lukou, 'providerStats', {});
    expect(stats.roundTrips).toBe(2);
    expect(stats).toMatchObject({
      ok: true,
      data: [
        {
          orgName: '心苑社会工作服务中心',
          completed: 4,
          surveyed: 3,
          avgRating: 3.67,
          satisfaction: 0.667,
          complaintRate: 0.333,
          open: 0,
        },
      ],
    });
    expect(await demo.sok(P.moling, 'providerStats', {})).toEqual([
      expect.objectContaining({ orgName: '南京红叶社会工作服务社', completed: 0, avgRating: null }),
    ]);
    expect((await demo.sok(P.district, 'providerStats', {})).map((s) => s.orgName)).toHaveLength(2);
    expect(await demo.svc(P.wang, 'providerStats', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Provider staff see their own organization's figures only (its page, 我的机构).
    expect((await demo.sok(P.lin, 'providerStats', {})).map((s) => s.orgName)).toEqual([
      '心苑社会工作服务中心',
    ]);
  });
});
