/**
 * Every timer of every function (their config.json triggers), fired through the local cloud with 20 ms a round
 * trip, on the whole demo community plus a generated street at today's volume (1×) and at ten times it (10×):
 * wall time and round trips beside the configured timeout. Budget: within 50 % of the timeout at 10×. The cloud
 * runs with the tests' timeout floor, so a timer over its timeout is measured, not killed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { C, P } from '../test/support/services/demoServices';
import { startDemoCloud, type DemoCloud } from '../test/support/demo';
import {
  deliveries,
  donations,
  eligibleResidents,
  endedActivities,
  endedBookings,
  erasuresDue,
  itemsWithPastSlots,
  overdueReports,
  PER_SCALE,
  pointHolders,
  roundsToTally,
  verifiedHours,
  waitingOrders,
} from '../test/support/timerVolume';
import { printResults } from './support/stats';
import type { BenchResult } from './support/types';

/** The round-trip latency the figures are taken at (CloudBase: 10–30 ms). */
export const TRIP_MS = 20;

/** One timer trigger as declared, with its function's timeout. */
interface Trigger {
  fn: string;
  name: string;
  timeoutS: number;
}

/** Every timer trigger in cloudfunctions/<fn>/config.json. */
export function timerInventory(): Trigger[] {
  const dir = join(__dirname, '..', 'cloudfunctions');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      let config: { timeout?: number; triggers?: { name: string; type: string }[] };
      try {
        config = JSON.parse(readFileSync(join(dir, d.name, 'config.json'), 'utf8')) as typeof config;
      } catch {
        return [];
      }
      return (config.triggers ?? [])
        .filter((t) => t.type === 'timer')
        .map((t) => ({ fn: d.name, name: t.name, timeoutS: config.timeout ?? 3 }));
    });
}

/** The demo community with a generated street of `scale` × today's volume. */
async function street(scale: number): Promise<DemoCloud> {
  const demo = await startDemoCloud({ full: true });
  const now = new Date(demo.cloud.clock.now());
  const tag = `x${scale}`;
  const items: string[] = [];
  for (let k = 0; k < 4; k++) {
    const item = await demo.ok('services', P.lin, 'proposeItem', {
      name: `助餐${k}`,
      category: '助餐',
      description: '社区食堂送餐上门',
      priceType: 'free',
      priceYuan: 0,
      eligibility: [],
      capacityPerSlot: 4 * scale,
      communityIds: [C.lukou, C.xinqiao],
      idempotencyKey: `bench-${tag}-item-${k}`,
    });
    await demo.ok('services', P.lukou, 'reviewItem', { itemId: item.id, decision: 'approve' });
    items.push(item.id);
  }
  const { store } = demo.cloud;
  // The demo has published its digests: without them, the timer publishes yesterday's over every donation.
  store.remove('charity_digests', {}, true);
  store.remove('charity_digest_parts', {}, true);
  const template = store.find('volunteer_activities', { status: 'published' }, { limit: 1 })[0]!;
  const ended = endedActivities(template, 2 * scale, 30, tag, now);
  store.insert('volunteer_activities', ended.activities);
  store.insert('volunteer_signups', ended.signups);
  store.insert('service_orders', waitingOrders(now, items, PER_SCALE.waitingOrders * scale, tag));
  store.insert('users', eligibleResidents(PER_SCALE.eligibleResidents * scale, tag, now));
  const hour = 3_600_000;
  store.insert('charity_donations', [
    ...donations(
      PER_SCALE.overduePledges * scale,
      `${tag}-over`,
      'pledged',
      now,
      new Date(now.getTime() - hour),
    ),
    ...donations(
      PER_SCALE.pledgesDueSoon * scale,
      `${tag}-soon`,
      'pledged',
      now,
      new Date(now.getTime() + 6 * hour),
    ),
    ...donations(PER_SCALE.thankedDonations * scale, `${tag}-thanked`, 'thanked', now, now),
  ]);
  const expiring = PER_SCALE.pointsExpiring * scale;
  store.insert('points_entries', [
    ...pointHolders(expiring, 0, tag, now, 'now'),
    ...pointHolders(PER_SCALE.pointsToRemind * scale, expiring, tag, now, 'yearEnd'),
  ]);
  store.insert('volunteer_hours', verifiedHours(PER_SCALE.verifiedHours * scale, tag, now));
  const item = store.find('service_items', { status: 'approved' }, { limit: 1 })[0]!;
  store.insert('service_items', itemsWithPastSlots(item, PER_SCALE.menuItems * scale, tag, now));
  const room = store.find('rooms', {}, { limit: 1 })[0]!;
  const rooms = endedBookings(room, PER_SCALE.endedBookings * scale, tag, now);
  store.insert('room_bookings', rooms.bookings);
  store.insert('room_duties', rooms.duties);
  const round = store.find('proposal_rounds', {}, { limit: 1 })[0]!;
  const tally = roundsToTally(round, PER_SCALE.roundsClosing * scale, tag, now);
  store.insert('proposal_rounds', tally.rounds);
  store.insert('proposals', tally.proposals);
  store.insert('proposal_ballots', tally.ballots);
  // projects refresh: delivery records in each running 禄口 contract's communities.
  for (const contract of store.find('project_contracts', { streetId: 'jn-lukou', status: 'active' })) {
    const d = deliveries(contract, PER_SCALE.deliveries * scale, `${tag}-${String(contract._id)}`, now);
    store.insert('service_orders', d.orders);
    store.insert('volunteer_hours', d.hours);
    store.insert('volunteer_signups', d.signups);
  }
  const report = store.find('reports', {}, { limit: 1 })[0]!;
  store.insert('reports', overdueReports(report, PER_SCALE.overdueReports * scale, tag, now));
  const erasures = erasuresDue(PER_SCALE.erasuresDue * scale, tag, now);
  store.insert('account_erasures', erasures.requests);
  store.update(
    'users',
    { _id: { $in: erasures.ids } },
    { $set: { erasureDueAt: erasures.dueAt } },
    { multi: true },
  );
  return demo;
}

/** What the generated street has at `scale`, for the figures. */
function volumeOf(t: Trigger, scale: number): string {
  const n = (k: keyof typeof PER_SCALE) => (PER_SCALE[k] * scale).toLocaleString('en');
  switch (t.name) {
    case 'rematch':
      return `${n('waitingOrders')} waiting orders`;
    case 'monthlyVouchers':
      return `${n('eligibleResidents')} eligible residents`;
    case 'pledgeExpiry':
      return `${n('overduePledges')} overdue pledges`;
    case 'pledgeReminders':
      return `${n('pledgesDueSoon')} pledges due within a day`;
    case 'closeAttendance':
      return `${2 * scale} ended activities × 30 sign-ups`;
    case 'dailyDigest':
      return `${n('thankedDonations')} donations × 8 steps`;
    case 'expirePoints':
      return `${n('pointsExpiring')} people with points to expire`;
    case 'remindPointsExpiry':
      return `${n('pointsToRemind')} people to remind (1 December)`;
    case 'creditPoints':
      return `${n('verifiedHours')} verified hours entries`;
    case 'pruneSlots':
      return `${n('menuItems')} menu items × 30 past half days`;
    case 'settle':
      return `${n('endedBookings')} unattended bookings, ${Math.ceil((PER_SCALE.endedBookings * scale) / 6)} closed duties`;
    case 'refresh':
      return `${n('deliveries')} orders + ${(PER_SCALE.deliveries * scale) / 2} hours lines + as many sign-ups per 禄口 contract, first run of the copy`;
    case 'escalate':
      return `${n('overdueReports')} overdue reports, ${(PER_SCALE.overdueReports * scale) / 5} to close`;
    case 'privacyChores':
      return `${n('erasuresDue')} accounts past the cooling-off`;
    case 'advancePhases':
      return `${n('roundsClosing')} rounds closing × 10 proposals × 100 ballots`;
    default:
      return 'demo community (not scaled)';
  }
}

/** Runs the benchmark: each timer once per scale, in the order of the inventory. */
export async function run(): Promise<BenchResult[]> {
  // BENCH_TIMERS=refresh,escalate: only these (a quick look while working on them).
  const only = process.env.BENCH_TIMERS?.split(',');
  const inventory = timerInventory().filter((t) => !only || only.includes(t.name));
  const results: BenchResult[] = [];
  for (const scale of [1, 10]) {
    const demo = await street(scale);
    try {
      demo.cloud.latency.set({ ms: TRIP_MS });
      for (const t of inventory) {
        const outcome = await demo.cloud.timers.fire(t.fn, t.name);
        const ms = outcome.stats.durationMs;
        const limitMs = (t.timeoutS * 1000) / 2;
        results.push({
          name: `timer ${t.fn}.${t.name} at ${scale}×, ${TRIP_MS} ms a trip`,
          figures: {
            volume: volumeOf(t, scale),
            'wall ms': Math.round(ms),
            'round trips': outcome.stats.dbRoundTrips,
            'timeout s': t.timeoutS,
            done: outcome.ok ? summaryOf(outcome.resultJson) : `FAILED: ${outcome.error.message}`,
          },
          budget: `≤ ${limitMs / 1000} s (50 % of timeout)${scale === 10 ? '' : ' (held at 10×)'}`,
          withinBudget: outcome.ok && ms <= limitMs,
        });
        if (t.name === 'refresh') results.push(await steadyRefresh(demo, t, scale, limitMs, outcome));
      }
    } finally {
      await demo.close();
    }
  }
  return results;
}

/**
 * The refresh timer once its copy of the delivery records has caught up (runs until nothing is behind, counted),
 * then the next run's time: what every later run costs (only the records changed since).
 */
async function steadyRefresh(
  demo: DemoCloud,
  t: Trigger,
  scale: number,
  limitMs: number,
  first: Awaited<ReturnType<DemoCloud['cloud']['timers']['fire']>>,
): Promise<BenchResult> {
  // The first run was one; a busy machine's runs take one chunk each, so the wait is capped (the bench's time).
  const MAX_RUNS = 12;
  const isBehind = (o: typeof first) =>
    !o.ok || (JSON.parse(o.resultJson) as { data: { behind: number } }).data.behind > 0;
  let runs = 1;
  let behind = isBehind(first);
  while (behind && runs < MAX_RUNS) {
    runs++;
    behind = isBehind(await demo.cloud.timers.fire(t.fn, t.name));
  }
  const next = await demo.cloud.timers.fire(t.fn, t.name);
  return {
    name: `timer ${t.fn}.${t.name} at ${scale}×, ${TRIP_MS} ms a trip, ${behind ? 'copy still catching up' : 'copy caught up'}`,
    figures: {
      'runs to catch up': behind ? `more than ${MAX_RUNS}` : runs,
      'wall ms': Math.round(next.stats.durationMs),
      'round trips': next.stats.dbRoundTrips,
      'timeout s': t.timeoutS,
      done: next.ok ? summaryOf(next.resultJson) : `FAILED: ${next.error.message}`,
    },
    budget: `≤ ${limitMs / 1000} s (50 % of timeout)`,
    withinBudget: next.ok && next.stats.durationMs <= limitMs,
  };
}

/** The timer's own summary line, short. */
function summaryOf(resultJson: string): string {
  const reply = JSON.parse(resultJson) as { data?: Record<string, unknown> };
  const data = reply.data ?? {};
  return Object.entries(data)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.length : typeof v === 'object' ? '…' : String(v)}`)
    .join(', ');
}

if (require.main === module) {
  void run().then((results) => {
    printResults(results);
    process.exit(0);
  });
}
