/**
 * The volunteering demo seed runs through the real functions and leaves activities in every state, volunteers
 * with hours, a certificate, a waitlist, a late cancellation, a no-show and a check-out awaiting verification —
 * and puts the cloud's clock back. Checked in the whole demo as `npm start` seeds it (the run's shared seed,
 * seed/template.ts), not in a second seed of its own.
 */
import { partSummary, startDemoCloud, type DemoCloud } from '../../support/demo';

let demo: DemoCloud;
let summary: string;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
  summary = partSummary(demo, 'volunteering');
}, 180_000);
afterAll(() => demo.close());

const activities = () => demo.cloud.store.docs('volunteer_activities');
const idOf = (title: string) => activities().find((a) => a.title === title)!._id as string;

it('reports what it made and puts the clock back', () => {
  expect(summary).toMatch(/^8 volunteers, 9 activities, \d+ sign-ups$/);
  expect(demo.cloud.clock.offset()).toBe(0);
});

it('leaves activities in every state', async () => {
  const phase = async (title: string) =>
    (
      await demo.ok('volunteering', 'demo-volunteer-zhao', 'activityDetail', {
        activityId: idOf(title),
      })
    ).phase;
  expect(
    Object.fromEntries(
      await Promise.all(
        [
          '防震减灾应急疏散演练',
          '社区环境清洁日',
          '垃圾分类宣传',
          '社区义剪',
          '重阳敬老院慰问',
          '地震逃生演练',
          '快乐4点半',
          '高龄老人探访',
          '端午包粽子送老人',
        ].map(async (t) => [t, await phase(t)]),
      ),
    ),
  ).toEqual({
    防震减灾应急疏散演练: 'completed',
    社区环境清洁日: 'completed',
    垃圾分类宣传: 'ended',
    社区义剪: 'ongoing',
    重阳敬老院慰问: 'signupClosed',
    地震逃生演练: 'open',
    快乐4点半: 'open',
    高龄老人探访: 'notOpen',
    端午包粽子送老人: 'cancelled',
  });
  const list = await demo.ok('volunteering', 'demo-resident-wang', 'listActivities', {});
  expect(list.items.find((i) => i.title === '快乐4点半')).toMatchObject({
    admitted: 3,
    waiting: 2,
    seatsLeft: 0,
  });
});

it('gives 赵磊 verified hours, a badge and a certificate; records the late cancellation and the no-shows', async () => {
  const zhao = await demo.ok('volunteering', 'demo-volunteer-zhao', 'myHours', {});
  expect(zhao).toMatchObject({ verifiedMinutes: 150, badge: { name: '初心志愿者' } });
  expect(demo.cloud.store.docs('volunteer_certificates')).toHaveLength(1);
  const profiles = demo.cloud.store.docs('volunteers');
  // Late cancellations are counted on the sign-ups; the record shows their sum.
  expect(await demo.ok('volunteering', 'demo-volunteer-xu', 'myHours', {})).toMatchObject({ lateCancels: 1 });
  expect(profiles.find((p) => p.openid === 'demo-volunteer-gu')).toMatchObject({ noShows: 1 });
  expect(profiles.find((p) => p.openid === 'demo-volunteer-he')).toMatchObject({ noShows: 1 });
  expect(demo.cloud.outbox.list({ templateId: 'local-vol_promoted' }).map((m) => m.touser)).toEqual([
    'demo-volunteer-zhao',
  ]);
});

it('leaves the clean-up day with an auto-closed check-out for the organizer to verify', async () => {
  const roster = await demo.ok('volunteering', 'demo-staff-hongye-1', 'roster', {
    activityId: idOf('社区环境清洁日'),
  });
  expect(roster.counts).toMatchObject({ admitted: 3, checkedIn: 2, toVerify: 2 });
  expect(roster.items.find((i) => i.realName === '徐静')).toMatchObject({ autoClosed: true });
  expect(roster.items.find((i) => i.realName === '何佳')).toMatchObject({ noShow: true });
});

it('gives every activity its location as a GeoJSON point too, for "离我近"', () => {
  expect(activities().length).toBeGreaterThan(0);
  for (const a of activities()) {
    const { latitude, longitude } = a.location as { latitude: number; longitude: number };
    expect(a.point).toEqual({ type: 'Point', coordinates: [longitude, latitude] });
  }
});
