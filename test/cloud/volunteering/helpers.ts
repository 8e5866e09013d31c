/**
 * Helpers for the volunteering cloud tests: the demo's volunteers, activities placed relative to the cloud's
 * clock, the organizer's current check-in code, and more volunteers made through the real functions.
 */
import { newPeople, type DemoCloud } from '../../support/demo';
import type { ActivityDetail, VolunteeringInput } from '../../../cloudfunctions/volunteering/contract';

export const H = 3_600_000;
export const MIN = 60_000;

/** Demo people by role in these tests. */
export const ZHAO = 'demo-volunteer-zhao';
export const ZHANG = 'demo-resident-zhang';
export const CHEN = 'demo-resident-chen';
export const WANG = 'demo-resident-wang';
export const HONGYE = 'demo-staff-hongye-1';
export const XINYUAN = 'demo-staff-xinyuan-1';
export const MOLING_ADMIN = 'demo-admin-moling';
export const LUKOU_ADMIN = 'demo-admin-lukou';
export const DISTRICT_ADMIN = 'demo-admin-jiangning';

/** Where the 秣陵 drills happen, and points at known distances from it. */
export const SQUARE = { latitude: 31.9071, longitude: 118.8275 };
export const northOf = (metres: number) => ({
  latitude: SQUARE.latitude + metres / 111_195,
  longitude: SQUARE.longitude,
});

/** Makes demo people volunteers (they have real names and phones from the seed). */
export async function becomeVolunteers(demo: DemoCloud, openids: string[]): Promise<void> {
  for (const o of openids) await demo.ok('volunteering', o, 'becomeVolunteer', { skills: ['应急救援'] });
}

/** New residents of 秣陵社区 who become volunteers, `parallel` at a time, through account and volunteering. */
export function makeVolunteers(demo: DemoCloud, prefix: string, n: number, parallel = 8): Promise<string[]> {
  return newPeople(demo, prefix, n, parallel, async (o, i) => {
    await demo.ok('account', o, 'updateProfile', { nickname: o.slice(-8), communityId: 'jn-moling-moling' });
    await demo.ok('volunteering', o, 'becomeVolunteer', {
      realName: `志愿者${o.slice(-3)}`,
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      skills: ['秩序引导'],
    });
  });
}

type CreateInput = VolunteeringInput<'createActivity'>;

/** Input for an activity starting `startsInH` hours from the cloud's now, lasting two hours. */
export function activityInput(
  demo: DemoCloud,
  over: Partial<CreateInput> & { startsInH?: number } = {},
): CreateInput {
  const { startsInH = 72, ...rest } = over;
  const start = demo.cloud.clock.now() + startsInH * H;
  return {
    title: '地震逃生演练',
    description: '学习地震来临时的避险与疏散，志愿者负责引导居民有序撤离。',
    orgId: demo.seed.orgIds.hongye,
    communityId: 'jn-moling-moling',
    address: '秣陵社区文化广场',
    location: SQUARE,
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * H).toISOString(),
    capacity: 3,
    skills: ['应急救援'],
    checkinRadiusM: 200,
    idempotencyKey: `act-${Math.random().toString(36).slice(2, 12)}`,
    ...rest,
  };
}

/** Publishes an activity as `organizer` (红叶 staff by default). */
export async function createActivity(
  demo: DemoCloud,
  over: Partial<CreateInput> & { startsInH?: number } = {},
  organizer = HONGYE,
): Promise<ActivityDetail> {
  return demo.ok('volunteering', organizer, 'createActivity', activityInput(demo, over));
}

/** The code on the organizer's screen now. */
export async function screenCode(demo: DemoCloud, activityId: string, organizer = HONGYE): Promise<string> {
  return (await demo.ok('volunteering', organizer, 'checkinCode', { activityId })).code;
}

/** A snapshot of the volunteering collections, to prove a refused call wrote nothing. */
export function volunteeringState(demo: DemoCloud): string {
  return JSON.stringify(
    [
      'volunteers',
      'volunteer_activities',
      'volunteer_signups',
      'volunteer_hours',
      'volunteer_certificates',
      'users',
    ].map((c) => demo.cloud.store.docs(c)),
  );
}
