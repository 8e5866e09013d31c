/**
 * Server time of every user action (the function's invocation, from dispatch to reply, as the local cloud's host
 * measures it, on a warm instance) with no network and with 20 ms a round trip, as CloudBase's would be: p50 and p95 per action over
 * each capability's scenario of a working day (the same scenarios whose round trips the other benches count).
 * Budget: p95 ≤ 150 ms at 20 ms a trip for every action a resident waits for; staff and admin actions are held to
 * it too, as they are just as interactive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalCloud } from '../localcloud/cloud';
import { seedAccount } from '../seed/account';
import { DEMO_BOOTSTRAP_ADMINS } from '../seed/functionEnv';
import { startProjectCloud } from '../seed/projectCloud';
import { startDemoCloud } from '../test/support/demo';
import { startServicesDemo } from '../test/support/services/demoServices';
import { everyAction as accountActions } from './account.bench';
import { roundTripsPerAction as proposalsActions } from './proposals.bench';
import { perAction as servicesActions } from './services.bench';
import { makeVolunteers, roundTripsPerAction as volunteeringActions } from './volunteering.bench';
import { measureCharityRoundTrips } from './support/charityRoundTrips';
import { newerActions } from './support/newerActions';
import { pointsDay } from './support/pointsDay';
import { percentile, printResults, r2 } from './support/stats';
import type { BenchResult } from './support/types';

/** The latencies measured at, in ms a round trip. */
const LATENCIES = [0, 20] as const;
const BUDGET_MS = 150;

/**
 * The actions a resident (an elder, a family member, a volunteer, a donor) calls and waits for in the mini program;
 * the others are staff's, organizations' and admins' (held to the same budget, as just as interactive).
 */
const RESIDENT_FACING: Record<string, readonly string[]> = {
  account: [
    'login',
    'updateProfile',
    'places',
    'home',
    'createLinkCode',
    'requestLink',
    'respondLink',
    'listLinks',
    'unlink',
    'myData',
    'exportMyData',
    'openExport',
    'requestErasure',
    'cancelErasure',
    'withdrawConsent',
  ],
  charity: [
    'supermarkets',
    'needs',
    'need',
    'ledger',
    'stats',
    'digests',
    'donation',
    'verify',
    'claim',
    'pledgeToStock',
    'cancelPledge',
    'myDonations',
    'myReceipts',
    'confirm',
    'thank',
    'pointShop',
    'redeem',
    'myRedemptions',
    'cancelRedemption',
    'givePoints',
    'givePointsToNeed',
    'merchants',
  ],
  projects: [],
  proposals: [
    'accountability',
    'createProposal',
    'deleteDraft',
    'getProposal',
    'getRound',
    'listProposals',
    'listRounds',
    'myProposals',
    'submitProposal',
    'updateProposal',
    'vote',
    'withdrawProposal',
    'withdrawVote',
    'requestChange',
    'recordProgress',
    'recordSpending',
    'confirmCompletion',
  ],
  reports: [
    'matters',
    'similar',
    'submit',
    'follow',
    'myReports',
    'nearMe',
    'reportDetail',
    'reopen',
    'closeReport',
  ],
  rooms: [
    'listRooms',
    'roomDetail',
    'book',
    'cancelBooking',
    'myBookings',
    'proposeTeam',
    'myTeams',
    'updateTeamMembers',
    'teamException',
    'reportIssue',
  ],
  services: [
    'menu',
    'itemDetail',
    'placeOrder',
    'myOrders',
    'orderDetail',
    'cancelOrder',
    'rateOrder',
    'requestService',
    'vouchers',
  ],
  volunteering: [
    'becomeVolunteer',
    'updateVolunteer',
    'myVolunteer',
    'listActivities',
    'recommendActivities',
    'activityDetail',
    'signUp',
    'cancelSignUp',
    'mySignUps',
    'checkIn',
    'checkOut',
    'myHours',
    'issueCertificate',
    'verifyCertificate',
    'myPoints',
    'thankYou',
  ],
};

/** Every action of every function, `function.action`, as its router (cloudfunctions/<fn>/index.ts) imports them. */
export function actionInventory(): string[] {
  const dir = join(__dirname, '..', 'cloudfunctions');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'common')
    .flatMap((d) => {
      let index: string;
      try {
        index = readFileSync(join(dir, d.name, 'index.ts'), 'utf8');
      } catch {
        return [];
      }
      return [...index.matchAll(/^import (\w+) from '\.\/actions\//gm)].map((m) => `${d.name}.${m[1]}`);
    })
    .sort();
}

const residentFacing = (key: string) => {
  const [fn, action] = key.split('.') as [string, string];
  return (RESIDENT_FACING[fn] ?? []).includes(action);
};

/** The most database round trips each `function.action` took in any call of the scenarios (DESIGN: ≤ 3). */
const mostTrips = new Map<string, number>();

/** Server times per `function.action`, gathered from the host while `body` runs at `latencyMs`. */
async function record(
  cloud: LocalCloud,
  latencyMs: number,
  into: Map<string, number[]>,
  body: () => Promise<unknown>,
): Promise<void> {
  const listener = (
    name: string,
    event: unknown,
    stats: { durationMs: number; cold?: boolean; dbRoundTrips?: number },
  ) => {
    const action = (event as { action?: unknown } | null)?.action;
    if (typeof action !== 'string') return;
    const key = `${name}.${action}`;
    mostTrips.set(key, Math.max(mostTrips.get(key) ?? 0, stats.dbRoundTrips ?? 0));
    // Cold starts are coldstart.bench.ts's: here, the action's own time on a warm instance.
    if (stats.cold) return;
    into.set(key, [...(into.get(key) ?? []), stats.durationMs]);
  };
  cloud.latency.set({ ms: latencyMs });
  cloud.host.finished.add(listener);
  try {
    await body();
  } finally {
    cloud.host.finished.delete(listener);
  }
}

/** Each capability's scenario on a fresh cloud, its set-up without latency. */
async function scenarios(latencyMs: number): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>();
  const env = { MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS, MULIN_CHECKIN_SECRET: 'bench-checkin-secret' };

  const account = await startProjectCloud({ functionEnv: env });
  try {
    const seed = await seedAccount(account);
    await record(account, latencyMs, times, () => accountActions(account, seed));
  } finally {
    await account.close();
  }

  const services = await startServicesDemo();
  try {
    await record(services.cloud, latencyMs, times, () => servicesActions(services));
  } finally {
    await services.close();
  }

  const charity = await startDemoCloud();
  try {
    await record(charity.cloud, latencyMs, times, () => measureCharityRoundTrips(charity));
  } finally {
    await charity.close();
  }

  const proposals = await startProjectCloud({ functionEnv: env });
  try {
    await seedAccount(proposals);
    await record(proposals, latencyMs, times, () => proposalsActions(proposals));
  } finally {
    await proposals.close();
  }

  const newer = await startDemoCloud({ full: true });
  try {
    let failed: string[] = [];
    await record(newer.cloud, latencyMs, times, async () => {
      failed = await newerActions(newer);
    });
    if (failed.length > 0)
      console.log(`newer capabilities' scenario, calls that failed: ${failed.join('; ')}`);
  } finally {
    await newer.close();
  }

  const volunteering = await startProjectCloud({ functionEnv: env });
  try {
    const seed = await seedAccount(volunteering);
    const volunteers = await makeVolunteers(volunteering, 4);
    await record(volunteering, latencyMs, times, async () => {
      await volunteeringActions(volunteering, seed, volunteers);
      await pointsDay(volunteering, volunteers[0]!);
    });
  } finally {
    await volunteering.close();
  }
  return times;
}

/** Runs the benchmark: one line per action of every function, its p50/p95 at each latency (or "not measured"). */
export async function run(): Promise<BenchResult[]> {
  const byLatency = new Map<number, Map<string, number[]>>();
  for (const ms of LATENCIES) byLatency.set(ms, await scenarios(ms));
  const measured = new Set([...byLatency.values()].flatMap((m) => [...m.keys()]));
  const actions = [...new Set([...actionInventory(), ...measured])].sort();
  return actions.map((action) => {
    const figures: Record<string, number | string> = { resident: residentFacing(action) ? 'yes' : 'staff' };
    const samples20 = byLatency.get(20)!.get(action) ?? [];
    if (samples20.length === 0) {
      return { name: action, figures: { ...figures, calls: 0, measured: 'no (no scenario calls it)' } };
    }
    for (const ms of LATENCIES) {
      const samples = byLatency.get(ms)!.get(action) ?? [];
      figures[`p50_ms@${ms}`] = r2(percentile(samples, 50));
      figures[`p95_ms@${ms}`] = r2(percentile(samples, 95));
    }
    figures.calls = samples20.length;
    figures.round_trips_max = mostTrips.get(action) ?? 0;
    return {
      name: action,
      figures,
      budget: `p95 ≤ ${BUDGET_MS} ms at 20 ms a trip`,
      withinBudget: (figures['p95_ms@20'] as number) <= BUDGET_MS,
    };
  });
}

if (require.main === module) {
  void run().then((results) => {
    printResults(results);
    process.exit(0);
  });
}
