// The services function through the local cloud and the real wx-server-sdk: for every action, the database
// round trips of one call (the local cloud counts them per invocation) against the budget of three, and the
// median wall time of a call (the timers, re-matching among them, are in timers.bench.ts).
//
// Run alone: npx tsx bench/services.bench.ts (after `npx tsx scripts/build.ts services`)

import type { ActionArgs, ActionName, ActionResult } from '../cloudfunctions/manifest';
import { C, key, P, startServicesDemo, type ServicesDemo } from '../test/support/services/demoServices';
import { percentile, printResults, r2 } from './support/stats';
import type { BenchResult } from './support/types';

/** One measured call: its round trips and time. */
interface Sample {
  trips: number;
  ms: number;
}

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const demo = await startServicesDemo();
  try {
    return await perAction(demo);
  } finally {
    await demo.close();
  }
}

/** Every services action, ten rounds of a day's work (exported for actions.bench.ts). */
export async function perAction(demo: ServicesDemo): Promise<BenchResult[]> {
  const samples = new Map<string, Sample[]>();
  const timed = async <A extends ActionName<'services'>>(
    openid: string,
    action: A,
    ...input: ActionArgs<'services', A>
  ): Promise<ActionResult<'services', A>> => {
    const t = performance.now();
    const reply = await demo.svc(openid, action, ...input);
    const ms = performance.now() - t;
    if (!reply.ok) throw new Error(`${action}: ${reply.error.code} ${reply.error.message}`);
    samples.set(action, [...(samples.get(action) ?? []), { trips: reply.roundTrips, ms }]);
    return reply.data;
  };
  await demo.fire('monthlyVouchers');
  const station = await demo.addOrg(P.lukou, '禄口居家养老服务站', [C.lukou], 'jn-lukou', [
    'bench-station-1',
  ]);

  for (let round = 0; round < 10; round++) {
    const proposed = await timed(P.lin, 'proposeItem', {
      name: `助浴上门${round}`,
      category: '助浴',
      description: '两名护理员上门协助洗浴',
      priceType: 'voucher',
      priceYuan: 5,
      eligibility: ['age80'],
      communityIds: [C.lukou],
      capacityPerSlot: 2,
      idempotencyKey: key('bench-item'),
    });
    const itemId = proposed.id;
    await timed(P.lukou, 'itemsToManage', { status: 'proposed' });
    await timed(P.lukou, 'reviewItem', { itemId, decision: 'approve' });
    await timed(P.lukou, 'editItem', {
      itemId,
      orgIds: [demo.seed.orgIds.xinyuan, station],
      capacityPerSlot: 3,
    });
    await timed(P.wang, 'menu', {});
    await timed(P.zhang, 'itemDetail', { itemId, beneficiaryId: demo.id(P.wang) });
    const slot = demo.slot(1 + (round % 12));
    const placed = await timed(P.wang, 'placeOrder', {
      itemId,
      slot,
      subscribed: ['ORDER_STATUS', 'SERVICE_SURVEY'],
      idempotencyKey: key(),
    });
    await timed(P.wang, 'myOrders', {});
    await timed(P.wang, 'orderDetail', { orderId: placed.id });
    // Decline to the other organization, then accept, start, finish, rate.
    const first = placed.orgName === '心苑社会工作服务中心' ? P.lin : 'bench-station-1';
    const second = first === P.lin ? 'bench-station-1' : P.lin;
    await timed(first, 'workOrders', { view: 'incoming' });
    await timed(first, 'declineOrder', { orderId: placed.id, reason: '人手不足' });
    await timed(second, 'acceptOrder', { orderId: placed.id });
    await timed(second, 'checkIn', {
      orderId: placed.id,
      location: { latitude: 31.737, longitude: 118.866 },
      reason: '老人约了提前上门', // the slot is days away
    });
    await timed(second, 'checkOut', { orderId: placed.id, notes: '服务完成' });
    if (round % 2 === 0) await timed(P.wang, 'rateOrder', { orderId: placed.id, rating: 5 });
    else await timed(P.lukou, 'phoneCallback', { orderId: placed.id, rating: 4 });
    // An order cancelled, one escalated and assigned by hand.
    const other = await timed(P.zhang, 'placeOrder', {
      itemId,
      slot: demo.slot(1 + (round % 12), 'pm'),
      beneficiaryId: demo.id(P.wang),
      idempotencyKey: key(),
    });
    await timed(P.zhang, 'cancelOrder', { orderId: other.id, reason: '临时有事' });
    const stuck = await demo.order(P.wang, itemId, demo.slot(2 + (round % 11), 'pm'));
    const a = stuck.orgName === '心苑社会工作服务中心' ? P.lin : 'bench-station-1';
    await demo.sok(a, 'declineOrder', { orderId: stuck.id, reason: '人手不足' });
    await demo.sok(a === P.lin ? 'bench-station-1' : P.lin, 'declineOrder', {
      orderId: stuck.id,
      reason: '人手不足',
    });
    await timed(P.lukou, 'adminOrders', { view: 'overdue' });
    await timed(P.lukou, 'assignOrder', { orderId: stuck.id, orgId: station });
    await timed(P.lukou, 'providerStats', {});
    await timed(P.lukou, 'exportProviderStats', {});
    await timed(P.wang, 'vouchers', {});
    await timed(P.lukou, 'setEligibility', {
      targetUserId: demo.id(P.zhang),
      disabled: round % 2 === 0,
      lowIncome: false,
    });
    await timed(P.lukou, 'setVoucherPolicy', {
      communityId: C.lukou,
      monthlyYuan: 80,
      eligibility: ['age80', 'disabled', 'lowIncome'],
    });
    await timed(P.lukou, 'setCheckInRule', {
      communityId: C.lukou,
      earlyMinutes: 30,
      lateMinutes: 60,
      radiusM: 1500,
    });
    const asker = await demo.person(`bench-asker-${round}`, {
      nickname: `居民${round}`,
      communityId: C.lukou,
    });
    void asker;
    await timed(`bench-asker-${round}`, 'requestService', {
      category: '其他',
      text: `希望有上门理发 ${round}`,
    });
    const lines = await timed(P.lukou, 'demands', {});
    if (round === 9)
      await timed(P.lukou, 'adoptDemand', {
        demandId: lines.items[0]!.id,
        name: '上门理发',
        category: '助洁',
        priceType: 'lowcost',
        priceYuan: 8,
        capacityPerSlot: 4,
        orgIds: [demo.seed.orgIds.xinyuan],
        idempotencyKey: key('adopt'),
      });
  }
  return [...samples.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([action, list]) => {
      const trips = Math.max(...list.map((s) => s.trips));
      return {
        name: `services.${action}`,
        figures: {
          'round trips (max)': trips,
          'round trips (min)': Math.min(...list.map((s) => s.trips)),
          calls: list.length,
          p50_ms: r2(
            percentile(
              list.map((s) => s.ms),
              50,
            ),
          ),
        },
        budget: '≤ 3 round trips',
        withinBudget: trips <= 3,
      };
    });
}

if (require.main === module) {
  void run().then((results) => {
    printResults(results);
    process.exit(0);
  });
}
