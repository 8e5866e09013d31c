/**
 * Charity figures: the time to verify a chain of 10,000 events (pure, and through the `verify` action on a
 * donation stored with 10,000 events), the daily digest and the reconciliation over 10,000 events in 1,250
 * ordinary donations (8 steps each), and round trips per action (budget ≤ 3 per user action).
 */
import {
  nextEvent,
  verifyChain,
  type ChainEvent,
  type EventDraft,
} from '../cloudfunctions/charity/domain/chain';
import { donationCode } from '../cloudfunctions/charity/domain/codes';
import type { DonationDoc } from '../cloudfunctions/charity/documents';
import { openSupermarkets } from '../seed/charity';
import { startDemoCloud } from '../test/support/demo';
import { measureCharityRoundTrips } from './support/charityRoundTrips';
import { percentile, printResults, r2 } from './support/stats';
import type { BenchResult } from './support/types';

/**
 * A valid general-stock chain of `length` steps: pledged, received, allocated, dispatched again and again
 * (delivery, pickup, …), confirmed, thanked.
 */
function stepType(i: number, length: number): EventDraft['type'] {
  if (i === 0) return 'pledged';
  if (i === 1) return 'received';
  if (i === 2) return 'allocated';
  if (i === length - 2) return 'confirmed';
  if (i === length - 1) return 'thanked';
  return 'dispatched';
}

function chainOf(id: string, length: number, start: number): ChainEvent[] {
  const events: ChainEvent[] = [];
  for (let i = 0; i < length; i++)
    events.push(
      nextEvent(id, events, {
        type: stepType(i, length),
        at: new Date(start + i * 60_000),
        place: '禄口街道慈善超市',
        actor: { role: 'staff', ref: 'a1b2c3d4e5f60718' },
        data: { quantity: 1, condition: 'good', mode: i % 2 ? 'delivery' : 'pickup' },
      }),
    );
  return events;
}

function donationDoc(id: string, events: ChainEvent[], at: Date): DonationDoc {
  const last = events[events.length - 1]!;
  return {
    _id: id,
    code: donationCode(id),
    kind: 'stock',
    donorId: 'bench-donor',
    donorOpenid: 'bench-donor',
    donorLabel: '爱*',
    subscribed: false,
    supermarketId: 'jn-lukou',
    supermarketName: '禄口街道慈善超市',
    supermarketAddress: '禄口街道双拥路8号',
    streetName: '禄口街道',
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity: 1,
    receivedQuantity: 1,
    unitValue: 60,
    pledgeBy: at,
    status: 'thanked',
    head: { seq: last.seq, hash: last.hash },
    events,
    confirmAttempts: 0,
    month: '2026-05',
    createdAt: at,
    updatedAt: at,
  };
}

async function timeMs(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Runs the charity benchmarks. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const start = Date.now() - 30 * 86_400_000;

  const long = chainOf('bench-long-chain', 10_000, start);
  const pure = await timeMs(20, () => {
    if (!verifyChain('bench-long-chain', long).intact) throw new Error('chain does not verify');
  });
  results.push({
    name: 'verify 10,000 events (pure)',
    figures: { p50_ms: r2(percentile(pure, 50)), p95_ms: r2(percentile(pure, 95)) },
  });

  const demo = await startDemoCloud();
  try {
    await openSupermarkets(demo.cloud, demo.seed);
    demo.cloud.store.insert('charity_donations', [
      donationDoc('bench-long-chain', long, new Date(start)) as unknown as Record<string, unknown>,
    ]);
    const viaFunction = await timeMs(10, async () => {
      const r = await demo.call('charity', 'demo-resident-chen', 'verify', {
        donationId: 'bench-long-chain',
      });
      if (!r.ok || !r.data.intact) throw new Error(`verify failed: ${JSON.stringify(r).slice(0, 400)}`);
    });
    results.push({
      name: 'verify 10,000 events (through the function)',
      figures: { p50_ms: r2(percentile(viaFunction, 50)), p95_ms: r2(percentile(viaFunction, 95)) },
    });
    demo.cloud.store.remove('charity_donations', { _id: 'bench-long-chain' }, false);

    const many = Array.from({ length: 1250 }, (_, i) => {
      const id = `bench-donation-${String(i).padStart(5, '0')}`;
      return donationDoc(id, chainOf(id, 8, start + i * 1000), new Date(start + i * 1000));
    });
    demo.cloud.store.insert('charity_donations', many as unknown as Record<string, unknown>[]);
    const digest = await timeMs(1, async () => {
      const out = await demo.cloud.timers.fire('charity', 'dailyDigest');
      if (!out.ok) throw new Error(out.error.message);
    });
    results.push({
      name: 'daily digest over 1,250 chains (10,000 events)',
      figures: { ms: r2(digest[0]!) },
    });
    const reconcile = await timeMs(5, async () => {
      const r = await demo.call('charity', 'demo-admin-lukou', 'reconciliation', {
        supermarketId: 'jn-lukou',
      });
      if (!r.ok) throw new Error(r.error.message);
    });
    results.push({
      name: 'reconciliation over 1,250 chains (10,000 events)',
      figures: { p50_ms: r2(percentile(reconcile, 50)) },
    });
  } finally {
    await demo.close();
  }

  const fresh = await startDemoCloud();
  try {
    const rows = await measureCharityRoundTrips(fresh);
    const figures: Record<string, number> = {};
    for (const r of rows) figures[r.variant ? `${r.action} (${r.variant})` : r.action] = r.roundTrips;
    const max = Math.max(...rows.map((r) => r.roundTrips));
    results.push({ name: 'round trips per action', figures, budget: '≤ 3', withinBudget: max <= 3 });
  } finally {
    await fresh.close();
  }
  return results;
}

if (require.main === module) {
  void run().then(printResults);
}
