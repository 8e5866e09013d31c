/**
 * Volunteer points (志愿积分) after volunteering.bench.ts's day, for actions.bench.ts's server times: 秣陵's admin
 * reads and sets the street's rule, adjusts a volunteer's points and reads the month's report; the volunteer
 * looks at their points; a resident reads the community's thank-you list. Every call must succeed.
 */
import type { LocalCloud } from '../../localcloud/cloud';
import { timedCalls } from './calls';

const ADMIN = 'demo-admin-moling';
const STREET = 'jn-moling';
const { ok } = timedCalls('volunteering');

/** The points actions, `volunteer` (one who served that day) their subject. */
export async function pointsDay(cloud: LocalCloud, volunteer: string): Promise<void> {
  const rule = (await ok(cloud, ADMIN, 'pointRule', { streetId: STREET })).data;
  await ok(cloud, ADMIN, 'setPointRule', {
    streetId: STREET,
    pointsPerHour: rule.pointsPerHour,
    expiryYears: rule.expiryYears,
    starHours: rule.starHours,
  });
  const user = cloud.store.docs('users').find((u) => u.openid === volunteer);
  await ok(cloud, ADMIN, 'adjustPoints', {
    targetUserId: String(user?._id),
    delta: 20,
    reason: '连续三周参加社区值守',
    idempotencyKey: `bench-points-${cloud.clock.now()}`,
  });
  await ok(cloud, volunteer, 'myPoints', { offset: 0 });
  await ok(cloud, ADMIN, 'pointsReport', { streetId: STREET, months: 3 });
  await ok(cloud, ADMIN, 'exportPointsReport', { streetId: STREET, months: 3 });
  await ok(cloud, 'demo-resident-zhang', 'thankYou', { communityId: 'jn-moling-moling' });
}
