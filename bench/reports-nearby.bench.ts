/**
 * reports: "reports near me" (the geoNear query on the reports' 2dsphere-indexed point, through the real function)
 * over 50,000 reports spread across 禄口街道, and the pre-submit "similar reports" check (a box on lat/lng riding
 * along the caller's read) over the same; with the round trips of each call.
 */
import { startDemoCloud } from '../test/support/demo';
import { CENTRE, setUpStreet, WANG } from '../test/cloud/reports/helpers';
import { percentile, r2, timeRuns } from './support/stats';
import type { BenchResult } from './support/types';

const N = 50_000;

/** A seeded pseudo-random sequence, so every run spreads the reports the same way. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export async function run(): Promise<BenchResult[]> {
  const demo = await startDemoCloud();
  try {
    const street = await setUpStreet(demo);
    const grid = demo.cloud.store.docs('report_grids')[0]!;
    const next = random(16);
    const now = demo.cloud.clock.date();
    const statuses = ['patrol', 'dispatched', 'accepted', 'resolved', 'closed'];
    const docs = Array.from({ length: N }, (_x, i) => {
      // 禄口街道 is about 20 km across: spread ±0.1° around 禄口社区.
      const lat = CENTRE.latitude + (next() - 0.5) * 0.2;
      const lng = CENTRE.longitude + (next() - 0.5) * 0.2;
      const at = new Date(now.getTime() - Math.floor(next() * 90) * 86_400_000);
      return {
        _id: `bench-report-${i}`,
        streetId: 'jn-lukou',
        placePath: grid['placePath'],
        gridId: grid._id,
        gridName: grid['name'],
        communityName: '禄口社区',
        matterId: i % 2 === 0 ? street.matters.litter : street.matters.pothole,
        matterName: i % 2 === 0 ? '垃圾乱堆' : '道路坑洼',
        matterVersion: 1,
        category: '市容环境',
        departmentId: street.departments.city,
        departmentName: '城管',
        patrolFirst: false,
        respondHours: 4,
        resolveHours: 48,
        point: { type: 'Point', coordinates: [lng, lat] },
        lat,
        lng,
        address: '',
        description: '基准测试',
        photos: [],
        reporterId: 'bench',
        reporterOpenid: 'bench',
        byTeam: false,
        status: statuses[i % statuses.length],
        followerIds: ['bench'],
        followerOpenids: ['bench'],
        merged: 0,
        timeline: [{ kind: 'submitted', at, by: '居民' }],
        reopened: false,
        escalated: [],
        everOverdue: false,
        createdAt: at,
        updatedAt: at,
      };
    });
    for (let i = 0; i < N; i += 5000) demo.cloud.store.insert('reports', docs.slice(i, i + 5000));

    let trips = 0;
    let found = 0;
    const near = await timeRuns(20, 3, async () => {
      const r = await demo.call('reports', WANG, 'nearMe', { location: CENTRE });
      if (!r.ok) throw new Error(r.error.message);
      trips = r.roundTrips;
      found = r.data.length;
    });
    let similarTrips = 0;
    const similar = await timeRuns(20, 3, async () => {
      const r = await demo.call('reports', WANG, 'similar', {
        matterId: street.matters.litter,
        location: CENTRE,
      });
      if (!r.ok) throw new Error(r.error.message);
      similarTrips = r.roundTrips;
    });
    return [
      {
        name: `reports near me over ${N.toLocaleString('en')} reports (3 km, nearest 50)`,
        figures: {
          p50_ms: r2(percentile(near, 50)),
          p95_ms: r2(percentile(near, 95)),
          found,
          round_trips: trips,
        },
        budget: '≤ 3 round trips',
        withinBudget: trips <= 3,
      },
      {
        name: `similar reports before submitting over ${N.toLocaleString('en')} reports`,
        figures: {
          p50_ms: r2(percentile(similar, 50)),
          p95_ms: r2(percentile(similar, 95)),
          round_trips: similarTrips,
        },
        budget: '≤ 3 round trips',
        withinBudget: similarTrips <= 3,
      },
    ];
  } finally {
    await demo.close();
  }
}
