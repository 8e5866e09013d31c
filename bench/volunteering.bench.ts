/**
 * Volunteering through the local cloud and the real wx-server-sdk: the time for 200 concurrent sign-ups for 20
 * seats (function host with 8 instances, as CloudBase scales out; warm instances), and the database round trips
 * of every action and path (budget ≤ 3 per user action).
 */
import type { LocalCloud } from '../localcloud/cloud';
import { seedAccount, type AccountSeed } from '../seed/account';
import { DEMO_BOOTSTRAP_ADMINS } from '../seed/functionEnv';
import { startProjectCloud } from '../seed/projectCloud';
import type { ActionArgs, ActionInput, ActionName } from '../cloudfunctions/manifest';
import { timedCalls } from './support/calls';
import { percentile, printResults, r2 } from './support/stats';
import type { BenchResult } from './support/types';

const MIN = 60_000;
const H = 60 * MIN;
const SQUARE = { latitude: 31.863, longitude: 118.835 };
const STAFF = 'demo-staff-hongye-1';

const { call, ok, noter } = timedCalls('volunteering');

/** `n` volunteers (exported for actions.bench.ts). */
export async function makeVolunteers(cloud: LocalCloud, n: number): Promise<string[]> {
  const openids = Array.from({ length: n }, (_x, i) => `bench-vol-${String(i).padStart(3, '0')}`);
  let next = 0;
  const { ok: accountOk } = timedCalls('account');
  const account = <A extends ActionName<'account'>>(
    o: string,
    action: A,
    ...input: ActionArgs<'account', A>
  ) => accountOk(cloud, o, action, ...input);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        const o = openids[i]!;
        await account(o, 'login');
        await account(o, 'updateProfile', { nickname: `志愿者${i}`, communityId: 'jn-moling-moling' });
        await ok(cloud, o, 'becomeVolunteer', {
          realName: `志愿者${i}`,
          phone: `139${String(10_000_000 + i).slice(-8)}`,
          skills: ['秩序引导'],
        });
      }
    }),
  );
  return openids;
}

function activityInput(
  cloud: LocalCloud,
  seed: AccountSeed,
  key: string,
  capacity: number,
  startsInH: number,
): ActionInput<'volunteering', 'createActivity'> {
  const start = cloud.clock.now() + startsInH * H;
  return {
    title: '地震逃生演练',
    description: '基准测试',
    orgId: seed.orgIds.hongye,
    communityId: 'jn-moling-moling',
    address: '秣陵社区文化广场',
    location: SQUARE,
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * H).toISOString(),
    capacity,
    skills: ['秩序引导'],
    checkinRadiusM: 200,
    idempotencyKey: key,
  };
}

/** 200 sign-ups at once for 20 seats, `runs` times on fresh activities. */
async function concurrentSignUps(
  cloud: LocalCloud,
  seed: AccountSeed,
  volunteers: string[],
): Promise<BenchResult[]> {
  const runs = 5;
  const walls: number[] = [];
  const latencies: number[] = [];
  let admittedEachRun = true;
  for (let run = 0; run < runs; run++) {
    const created = await ok(
      cloud,
      STAFF,
      'createActivity',
      activityInput(cloud, seed, `bench-burst-${run}`, 20, 48),
    );
    const activityId = created.data.id as string;
    const t = performance.now();
    const replies = await Promise.all(volunteers.map((o) => call(cloud, o, 'signUp', { activityId })));
    walls.push(performance.now() - t);
    latencies.push(...replies.map((r) => r.ms));
    const admitted = replies.filter((r) => r.reply.ok && r.reply.data.standing === 'admitted').length;
    const tickets = new Set(replies.map((r) => (r.reply.ok ? r.reply.data.ticket : undefined)));
    if (admitted !== 20 || tickets.size !== volunteers.length) admittedEachRun = false;
  }
  return [
    {
      name: `200 concurrent sign-ups, 20 seats (${runs} runs)`,
      figures: {
        wall_ms_median: r2(percentile(walls, 50)),
        wall_ms_max: r2(Math.max(...walls)),
        per_signup_ms: r2(percentile(walls, 50) / volunteers.length),
        call_p50_ms: r2(percentile(latencies, 50)),
        call_p95_ms: r2(percentile(latencies, 95)),
        exactly_20_admitted_every_run: admittedEachRun ? 'yes' : 'NO',
      },
    },
  ];
}

/** Every action and path once, with its round trips. */
export async function roundTripsPerAction(
  cloud: LocalCloud,
  seed: AccountSeed,
  v: string[],
): Promise<BenchResult[]> {
  const rt: Record<string, number> = {};
  const note = noter(cloud, rt);
  await note('myVolunteer', v[0]!, 'myVolunteer');
  await note('updateVolunteer', v[0]!, 'updateVolunteer', { serviceRadiusKm: 6 });
  await note('myVolunteer (not a volunteer)', 'demo-resident-wang', 'myVolunteer');
  const a = await note(
    'createActivity',
    STAFF,
    'createActivity',
    activityInput(cloud, seed, 'bench-rt-a', 2, 48),
  );
  const activityId = a.id as string;
  await note('updateActivity', STAFF, 'updateActivity', { activityId, description: '改一下说明' });
  await note('listActivities (by date)', v[0]!, 'listActivities', {});
  await note('listActivities (near me)', v[0]!, 'listActivities', { sort: 'near', location: SQUARE });
  await note('recommendActivities', v[0]!, 'recommendActivities', { location: SQUARE });
  await note('activityDetail (not signed up)', v[0]!, 'activityDetail', { activityId });
  await note('organizerActivities', STAFF, 'organizerActivities', {});
  await note('suggestVolunteers', STAFF, 'suggestVolunteers', { activityId });
  await note('signUp (seat)', v[0]!, 'signUp', { activityId });
  await note('signUp (seat, 2nd)', v[1]!, 'signUp', { activityId });
  await note('signUp (waitlist)', v[2]!, 'signUp', { activityId });
  await note('signUp (again: already)', v[2]!, 'signUp', { activityId });
  await note('activityDetail (signed up)', v[0]!, 'activityDetail', { activityId });
  await note('mySignUps', v[0]!, 'mySignUps', {});
  await note('cancelSignUp (promotes one)', v[1]!, 'cancelSignUp', { activityId });
  await note('signUp (again after cancelling)', v[1]!, 'signUp', { activityId });
  await note('cancelSignUp (waiting)', v[1]!, 'cancelSignUp', { activityId });
  // A late cancellation: its deadline passed half an hour ago.
  const now = cloud.clock.now();
  const late = await ok(cloud, STAFF, 'createActivity', {
    ...activityInput(cloud, seed, 'bench-rt-late', 5, 20),
    signupOpensAt: new Date(now - H).toISOString(),
    cancelDeadline: new Date(now - 30 * MIN).toISOString(),
  });
  await ok(cloud, v[3]!, 'signUp', { activityId: late.data.id });
  await note('cancelSignUp (late)', v[3]!, 'cancelSignUp', { activityId: late.data.id });

  const start = Date.parse(a.startAt as string);
  cloud.clock.set(start - 10 * MIN);
  const code = (await note('checkinCode', STAFF, 'checkinCode', { activityId })).code as string;
  await note('checkIn', v[0]!, 'checkIn', { activityId, code, location: SQUARE });
  await note('checkIn (again)', v[0]!, 'checkIn', { activityId, code, location: SQUARE });
  const refused = await call(cloud, v[2]!, 'checkIn', { activityId, code: 'x', location: SQUARE });
  rt['checkIn (refused: bad code)'] = refused.roundTrips;
  await ok(cloud, v[2]!, 'checkIn', { activityId, code, location: SQUARE });
  cloud.clock.set(start + 100 * MIN);
  const code2 = (await ok(cloud, STAFF, 'checkinCode', { activityId })).data.code as string;
  await note('checkOut', v[0]!, 'checkOut', { activityId, code: code2, location: SQUARE });
  await note('checkOut (again)', v[0]!, 'checkOut', { activityId, code: code2, location: SQUARE });
  cloud.clock.set(start + 4 * H + 1 * MIN);
  const t = performance.now();
  const timer = await cloud.timers.fire('volunteering', 'closeAttendance');
  const timerMs = performance.now() - t;
  await note('roster', STAFF, 'roster', { activityId });
  const signups = cloud.store.docs('volunteer_signups').filter((s) => s.activityId === activityId);
  const sid = (who: string) => signups.find((s) => s.openid === who)!._id as string;
  await note('verifyHours', STAFF, 'verifyHours', { signupId: sid(v[0]!) });
  await note('adjustHours', STAFF, 'adjustHours', {
    signupId: sid(v[0]!),
    deltaMinutes: 10,
    reason: '会后整理',
    idempotencyKey: 'bench-adj-1',
  });
  await note('verifyAllHours', STAFF, 'verifyAllHours', { activityId });
  await note('myHours', v[0]!, 'myHours', {});
  const cert = await note('issueCertificate', v[0]!, 'issueCertificate', { idempotencyKey: 'bench-cert-1' });
  await note('verifyCertificate', 'anyone', 'verifyCertificate', { code: cert.code });
  await note('exportRecords', 'demo-admin-moling', 'exportRecords', {
    from: new Date(start - 2 * 24 * H).toISOString(),
    to: new Date(start + 2 * 24 * H).toISOString(),
  });
  const cancelled = await ok(cloud, STAFF, 'createActivity', activityInput(cloud, seed, 'bench-rt-c', 5, 30));
  await note('cancelActivity', STAFF, 'cancelActivity', {
    activityId: cancelled.data.id,
    reason: '下雨改期',
  });
  cloud.clock.set(Date.now());
  await note('becomeVolunteer', 'demo-volunteer-zhao', 'becomeVolunteer', { skills: ['应急救援'] });

  // Paths that are documented as over budget in their action headers.
  const allowedOver = new Set(['cancelSignUp (late)', 'signUp (again after cancelling)']);
  const over = Object.entries(rt).filter(([k, n]) => n > 3 && !allowedOver.has(k));
  return [
    {
      name: 'database round trips per action',
      figures: rt,
      budget: '≤ 3 per user action (late cancel and re-sign-up: 4, documented)',
      withinBudget: over.length === 0,
    },
    {
      name: 'closeAttendance timer (one activity)',
      figures: { ms: r2(timerMs), ok: timer.ok ? 'yes' : 'no' },
    },
  ];
}

/** Runs the volunteering benchmarks. */
export async function run(): Promise<BenchResult[]> {
  const cloud = await startProjectCloud({
    functionEnv: { MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS, MULIN_CHECKIN_SECRET: crypto.randomUUID() },
  });
  try {
    const seed = await seedAccount(cloud);
    const volunteers = await makeVolunteers(cloud, 200);
    // Warm all 8 instances, as a busy production function would be.
    await Promise.all(volunteers.slice(0, 16).map((o) => ok(cloud, o, 'myVolunteer')));
    const burst = await concurrentSignUps(cloud, seed, volunteers);
    const trips = await roundTripsPerAction(cloud, seed, volunteers);
    return [...burst, ...trips];
  } finally {
    await cloud.close();
  }
}

if (require.main === module) {
  void run().then(printResults);
}
