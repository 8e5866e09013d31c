// Projects dashboard benchmark: the time to compute a street's dashboard (domain/dashboard computeDashboard, what
// the `refresh` timer runs per street) for 200 contracts over 100,000 delivery records (orders, hours, sign-ups,
// donations) spread over 30 communities and 20 organizations. Median of several runs after a warm-up.
//
// Run alone: npx tsx bench/projects-dashboard.bench.ts

import type { ContractDoc } from '../cloudfunctions/projects/documents';
import { computeDashboard } from '../cloudfunctions/projects/domain/dashboard';
import type { SourceRows } from '../cloudfunctions/projects/domain/tracking';
import { standardTranches } from '../seed/projectContracts';
import { percentile, timeRuns } from './support/stats';
import type { BenchResult } from './support/types';

const CONTRACTS = 200;
const RECORDS = 100_000;
const COMMUNITIES = 30;
const ORGS = 20;
const DAY = 86_400_000;

/** A deterministic pseudo-random sequence (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function instance(now: Date): { contracts: ContractDoc[]; rows: SourceRows } {
  const r = rng(14);
  const pick = (n: number) => Math.floor(r() * n);
  const community = (k: number) => `jn-s-c${k}`;
  const from = new Date(now.getTime() - 150 * DAY);
  const to = new Date(now.getTime() + 215 * DAY);
  const contracts: ContractDoc[] = Array.from({ length: CONTRACTS }, (_, k) => {
    const communityIds = [community(pick(COMMUNITIES)), community(pick(COMMUNITIES))];
    return {
      _id: `c${k}`,
      callId: 'call',
      bidId: `b${k}`,
      title: `项目 ${k}`,
      category: '居家养老',
      orgId: `o${k % ORGS}`,
      orgName: `机构 ${k % ORGS}`,
      streetId: 'jn-s',
      scopePath: ['jn', 'jn-s'],
      communityIds,
      communityNames: communityIds,
      parties: {
        buyer: { name: '街道' },
        provider: { orgId: `o${k % ORGS}`, name: '机构' },
        supervisor: { name: '监管', userIds: [] },
      },
      amountFen: 10_000_000,
      budgetLines: [],
      period: { from, to },
      indicators: [
        {
          key: 'orders',
          label: '服务',
          kind: 'quantity',
          source: { kind: 'services.ordersCompleted' },
          target: 200,
          unit: '单',
        },
        {
          key: 'sat',
          label: '满意率',
          kind: 'quality',
          source: { kind: 'services.satisfaction' },
          target: 90,
          unit: '%',
        },
        {
          key: 'hours',
          label: '时长',
          kind: 'quantity',
          source: { kind: 'volunteering.hours' },
          target: 500,
          unit: '小时',
        },
        {
          key: 'recruits',
          label: '招募',
          kind: 'quantity',
          source: { kind: 'volunteering.recruits' },
          target: 50,
          unit: '人',
        },
        {
          key: 'gifts',
          label: '物资',
          kind: 'quantity',
          source: { kind: 'charity.donationsDelivered' },
          target: 30,
          unit: '件',
        },
      ],
      milestones: [],
      tranches: standardTranches(10_000_000),
      signatures: [],
      status: 'active',
      history: [],
      rev: 1,
      createdAt: from,
      updatedAt: from,
    };
  });
  const at = () => new Date(from.getTime() + pick(150) * DAY);
  const rows: SourceRows = { orders: [], hours: [], signups: [], donations: [], rounds: [] };
  for (let k = 0; k < RECORDS; k++) {
    const c = pick(COMMUNITIES);
    const path = ['jn', 'jn-s', community(c)];
    const organizer = { kind: 'org' as const, id: `o${pick(ORGS)}` };
    switch (k % 4) {
      case 0:
        rows.orders!.push({
          _id: `r${k}`,
          itemName: '助餐',
          category: '助餐',
          communityId: community(c),
          communityName: '社区',
          orgId: organizer.id,
          status: 'confirmed',
          completedAt: at(),
          ...(r() < 0.5 ? { survey: { rating: 1 + pick(5), complaint: r() < 0.02 } } : {}),
        });
        break;
      case 1:
        rows.hours!.push({
          _id: `r${k}`,
          activityTitle: '活动',
          activityStartAt: at(),
          organizer,
          placePath: path,
          communityName: '社区',
          volunteerId: `v${pick(5000)}`,
          verifiedDelta: 60 + pick(120),
        });
        break;
      case 2:
        rows.signups!.push({
          _id: `r${k}`,
          activityTitle: '活动',
          organizer,
          placePath: path,
          communityName: '社区',
          volunteerId: `v${pick(5000)}`,
          state: 'active',
          signedUpAt: at(),
        });
        break;
      default:
        rows.donations!.push({
          _id: `r${k}`,
          item: '米',
          quantity: 1,
          recipientPath: path,
          status: 'thanked',
          events: [{ type: 'confirmed', at: at() }],
        });
    }
  }
  return { contracts, rows };
}

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const now = new Date();
  const { contracts, rows } = instance(now);
  const times = await timeRuns(7, 2, async () => computeDashboard(contracts, rows, [], [], now));
  return [
    {
      name: 'projects dashboard: 200 contracts, 100,000 delivery records',
      figures: {
        'median ms': Math.round(percentile(times, 50)),
        'p95 ms': Math.round(percentile(times, 95)),
      },
    },
  ];
}

if (require.main === module) {
  void run().then((results) => {
    for (const r of results) console.log(r.name, JSON.stringify(r.figures));
  });
}
